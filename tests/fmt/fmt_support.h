// Helpers shared by the formatter's tests: reading files, parsing, and the
// shape of a module (its AST dump without positions, comments in order) that
// formatting must preserve.
#pragma once
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>

#include "syntax/ast_dump.h"
#include "syntax/parser.h"

namespace fmt_test {

inline std::string read(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

struct Parsed {
  std::unique_ptr<icp::SourceFile> file;
  std::unique_ptr<icp::ast::Module> module;
  std::string errors;
};

inline Parsed parse(const std::string& path, const std::string& text) {
  Parsed p;
  p.file = std::make_unique<icp::SourceFile>(0, path, text);
  icp::DiagnosticEngine diags;
  icp::ast::NodeIdAllocator ids;
  p.module = icp::parse_module(*p.file, ids, diags);
  for (const auto& d : diags.diagnostics()) p.errors += d.code + " " + d.message + "\n";
  return p;
}

// The AST dump without positions; comments (trailing white space removed)
// keep their order.
inline std::string shape(const icp::ast::Module& m) {
  std::string d = icp::dump_ast(m);
  d = std::regex_replace(d, std::regex(R"( ?\[\d+:\d+-\d+:\d+\])"), "");
  d = std::regex_replace(d, std::regex(R"(@\d+:\d+)"), "");
  d = std::regex_replace(d, std::regex(R"(( |\\t|\\r)+"\n)"), "\"\n");
  return d;
}

}  // namespace fmt_test
