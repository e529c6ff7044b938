// file:// URIs <-> file system paths (RFC 8089, percent-encoding).
#pragma once
#include <string>
#include <string_view>

namespace icp::lsp {

// The path of a file:// URI; other schemes give the URI itself.
std::string path_from_uri(std::string_view uri);
// A file:// URI for an absolute or relative path (made absolute).
std::string uri_from_path(const std::string& path);

}  // namespace icp::lsp
