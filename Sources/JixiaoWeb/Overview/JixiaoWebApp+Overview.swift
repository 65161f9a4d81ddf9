import Foundation
import Hummingbird
import JixiaoCore
import JixiaoStore

extension JixiaoWebApp {
    func addOverviewRoutes(to router: Router<WebContext>) {
        router.get("/overview") { request, context -> Response in
            let signedIn = try context.requireSignedIn()
            return try await overview(request, signedIn)
        }
    }

    /// The reviewers' overview of every form in the reader's scope (or a department or unit of it) that matches the filters.
    func overview(_ request: Request, _ signedIn: SignedIn) async throws -> Response {
        let filter = OverviewFilter(Self.parameters(request))
        var scope = Array(signedIn.scope.readable)
        if let chosen = filter.organisationID {
            // A department or a unit: the chosen organisation and what lies below it, within the reader's scope.
            let below = Set(signedIn.scope.organisations.values.filter { $0.parentID == chosen }.map(\.id)).union([chosen])
            scope = scope.filter { below.contains($0) }
        }
        var query = FormQuery(organisationIDs: scope.sorted(), fiscalYear: filter.year, kind: filter.kind, status: filter.status, limit: 10_000)
        query.grade = filter.grade
        let items = try await store.forms(query).items
        return Views.response(OverviewPage(filter: filter, items: items, signedIn: signedIn))
    }
}
