// libxml2 as the office readers use it: the streaming reader for XML parts, the HTML parser for web pages.
#include <libxml/xmlversion.h>
// The system ICU's headers would clash with the copy Foundation carries; jixiao never touches the encoding
// handler's fields that depend on it, and libxml2 itself is unchanged.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

/// `xmlFree` is a global function pointer; Swift 6 cannot call it safely, so it is called here.
static inline void jixiao_xml_free(void *pointer) { xmlFree(pointer); }
