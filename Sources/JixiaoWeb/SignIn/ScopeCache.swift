import JixiaoStore
import Synchronization

/// Access scopes kept between requests. A scope depends on the person's role and place and on the organisation
/// tree; the tree is read again only when the store's revision of it changes (by this process or another one,
/// such as `jixiao org add`), and the person is read with every session anyway.
final class ScopeCache: Sendable {
    private struct Key: Hashable {
        var userID: Int64
        var role: UserRole
        var organisationID: Int64
    }

    private struct State {
        var revision: Int?
        var organisations: [OrganisationRecord] = []
        var scopes: [Key: AccessScope] = [:]
    }

    private let state = Mutex(State())
    let store: any JixiaoStore

    init(store: any JixiaoStore) { self.store = store }

    /// The scope of `user` under the tree at `revision` (read from the store when this cache holds an older one).
    func scope(for user: UserRecord, revision: Int) async throws -> AccessScope {
        let key = Key(userID: user.id, role: user.role, organisationID: user.organisationID)
        if let cached = state.withLock({ $0.revision == revision ? $0.scopes[key] : nil }) { return cached }
        var organisations = state.withLock { $0.revision == revision ? $0.organisations : nil }
        if organisations == nil { organisations = try await store.organisations() }
        let scope = AccessScope(user: user, organisations: organisations ?? [])
        state.withLock { state in
            if state.revision != revision {
                state = State(revision: revision, organisations: organisations ?? [])
            }
            state.scopes[key] = scope
        }
        return scope
    }

    /// The scope of `user` under the tree as it is now.
    func scope(for user: UserRecord) async throws -> AccessScope {
        try await scope(for: user, revision: try await store.organisationsRevision())
    }
}
