// file:// URIs <-> file system paths (RFC 8089, percent-encoding).
#pragma once
#include <string>
#include <string_view>

namespace icp::ide {

// The path of a file:// URI; other schemes (`untitled:Untitled-1`) give the
// URI itself, which the compiler then uses as the document's name.
std::string path_from_uri(std::string_view uri);
// A file:// URI for an absolute or relative path (made absolute). A name that
// is itself a URI of another scheme (what path_from_uri gave back) is
// returned unchanged, so such documents round-trip.
std::string uri_from_path(const std::string& path);
// Whether `s` starts with a URI scheme and a colon (RFC 3986: a letter, then
// letters, digits, `+`, `-`, `.`; two characters at least, so that a Windows
// drive letter is not one).
bool has_uri_scheme(std::string_view s);

}  // namespace icp::ide
