// Unit tests of the LSP-free IDE API (compiler/ide/) and of the server's
// editor session state (ide/documents.h, ide/workspace.h), without JSON-RPC
// in between.
#include <gtest/gtest.h>

#include "annotations.h"
#include "ide/completion.h"
#include "ide/definition.h"
#include "ide/diagnostics.h"
#include "ide/formatting.h"
#include "ide/hover.h"
#include "ide/symbols.h"
#include "ide/documents.h"
#include "ide/uri.h"
#include "ide/workspace.h"
#include "sema/program.h"

namespace {

using icp::test::Annotations;

// The model the tests below ask about; the markers (annotations.h) name the
// positions they ask at.
const char* kModel = R"(import "std/firmo"

/// Accounts.
schema Account {
  /// Head count.
  employees: int?
  industry: In$industry^dustry?
}

/// Whether n is big.
def big(n: int): bool = n > 1000

profile P on Account {
  let $large_decl^large = b$call^ig($arg[[em$arg_at^ployees]])
  $large_kw[[si$large_kw_at^gnal]] "$large_label^Large" when $large_use^large => 10
  signal "Fin" when industry == fin$member^ance_insurance => 5
  signal "Typo" when $typo^employes > 3 => 1
}
)";

std::unique_ptr<icp::sema::Program> compile(const std::string& text) {
  icp::sema::CompileOptions opts;
  opts.stdlib_dir = ICP_TEST_STDLIB_DIR;
  return icp::sema::compile_source(text, "/tmp/ide_test/model.icp", opts);
}

TEST(Ide, HoverShowsTypeAndDocs) {
  Annotations a(kModel);
  auto p = compile(a.code());
  auto h = icp::ide::hover(*p, a.point("arg_at"));
  ASSERT_TRUE(h);
  EXPECT_NE(h->markdown.find("employees: int?"), std::string::npos) << h->markdown;
  EXPECT_NE(h->markdown.find("Head count."), std::string::npos) << h->markdown;
  EXPECT_EQ(h->range.begin, a.range("arg").begin);
  EXPECT_EQ(h->range.end, a.range("arg").end);
  auto d = icp::ide::hover(*p, a.point("call"));
  ASSERT_TRUE(d);
  EXPECT_NE(d->markdown.find("def big(n: int): bool"), std::string::npos) << d->markdown;
  EXPECT_NE(d->markdown.find("Whether n is big."), std::string::npos);
  auto m = icp::ide::hover(*p, a.point("member"));
  ASSERT_TRUE(m);
  EXPECT_NE(m->markdown.find("Industry.finance_insurance"), std::string::npos) << m->markdown;
}

// Built-ins' hover comes from the registry the checker reads
// (sema/builtins.def): round() of an int checks clean, so hover says it takes
// a number; every overload of lower() is listed.
TEST(Ide, HoverOnABuiltinShowsItsOverloads) {
  Annotations a(R"(schema A {
  n: int?
  tech: set<string>
}
profile P on A {
  signal "R" when r$round^ound(n) > 2 => 1
  signal "L" when l$lower^ower(tech) has "aws" => 1
}
)");
  auto p = compile(a.code());
  ASSERT_TRUE(p);
  auto r = icp::ide::hover(*p, a.point("round"));
  ASSERT_TRUE(r);
  EXPECT_NE(r->markdown.find("round(x: number): int"), std::string::npos) << r->markdown;
  EXPECT_NE(r->markdown.find("Rounds half away from zero"), std::string::npos) << r->markdown;
  auto l = icp::ide::hover(*p, a.point("lower"));
  ASSERT_TRUE(l);
  EXPECT_NE(l->markdown.find("lower(s: string): string\nlower(s: set<string>): set<string>"), std::string::npos)
      << l->markdown;
}

TEST(Ide, HoverOnMissingShowsTheTypeItTakes) {
  Annotations a(R"(import "std/firmo"
schema A { code: int? }
def sector(c: int): Industry? = if c == 51 then information else $missing[[mi^ssing]]
profile P on A {
  signal "Info" when sector(code ?? 0) == information => 5
}
)");
  auto p = compile(a.code());
  auto h = icp::ide::hover(*p, a.point());
  ASSERT_TRUE(h);
  EXPECT_NE(h->markdown.find("missing: Industry?"), std::string::npos) << h->markdown;
  EXPECT_EQ(h->range.begin, a.range("missing").begin);
  EXPECT_EQ(h->range.end, a.range("missing").end);
}

TEST(Ide, DefinitionAcrossFiles) {
  Annotations a(kModel);
  auto p = compile(a.code());
  auto local = icp::ide::definition(*p, a.point("large_use"));
  ASSERT_EQ(local.size(), 1u);
  EXPECT_EQ(local[0].file, p->main_file);
  EXPECT_EQ(local[0].begin, a.point("large_decl"));
  auto stdlib = icp::ide::definition(*p, a.point("industry"));
  ASSERT_EQ(stdlib.size(), 1u);
  EXPECT_NE(p->sources.file(stdlib[0].file).path().find("firmo.icp"), std::string::npos);
}

TEST(Ide, CompletionOffersFieldsLetsAndEnumMembers) {
  Annotations a(kModel);
  auto p = compile(a.code());
  auto items = icp::ide::complete(*p, a.point("large_use"));
  auto has = [&](const std::string& label, icp::ide::CompletionKind k) {
    for (const auto& c : items)
      if (c.label == label && c.kind == k) return true;
    return false;
  };
  EXPECT_TRUE(has("employees", icp::ide::CompletionKind::Field));
  EXPECT_TRUE(has("large", icp::ide::CompletionKind::Let));
  EXPECT_TRUE(has("big", icp::ide::CompletionKind::Def));
  EXPECT_TRUE(has("lower", icp::ide::CompletionKind::Builtin));
  items = icp::ide::complete(*p, a.point("member"));
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items[0].label, "finance_insurance");
  EXPECT_EQ(items[0].kind, icp::ide::CompletionKind::EnumMember);
}

TEST(Ide, DiagnosticsAndQuickFix) {
  Annotations a(kModel);
  auto p = compile(a.code());
  auto diags = icp::ide::file_diagnostics(*p);
  ASSERT_FALSE(diags.empty());
  EXPECT_EQ(diags[0].code, "E0101");
  uint32_t at = a.point("typo");
  auto actions = icp::ide::code_actions(*p, at, at);
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0].edits[0].new_text, "employees");
  EXPECT_EQ(actions[0].edits[0].range.begin, at);
}

TEST(Ide, SymbolsAndFormatting) {
  auto p = compile(Annotations(kModel).code());
  auto symbols = icp::ide::document_symbols(*p);
  ASSERT_GE(symbols.size(), 4u);
  EXPECT_EQ(symbols[1].name, "Account");
  EXPECT_EQ(symbols[1].children.size(), 2u);
  EXPECT_EQ(symbols[3].name, "P");
  EXPECT_EQ(symbols[3].children.size(), 4u);
  auto formatted = icp::ide::format_main_file(*p);
  ASSERT_TRUE(formatted);
  EXPECT_NE(formatted->find("  signal \"Large\" when large"), std::string::npos) << *formatted;
  auto broken = compile("schema {");
  EXPECT_FALSE(icp::ide::format_main_file(*broken));
}

TEST(Documents, Utf16PositionsAndIncrementalChanges) {
  using icp::ide::TextChange;
  std::string t = "a\xF0\x9F\x98\x80" "b\r\nxyz\n";  // a😀b CRLF xyz
  EXPECT_EQ(icp::ide::offset_of_position(t, 0, 1), 1u);
  EXPECT_EQ(icp::ide::offset_of_position(t, 0, 2), 1u);  // inside the surrogate pair
  EXPECT_EQ(icp::ide::offset_of_position(t, 0, 3), 5u);
  EXPECT_EQ(icp::ide::offset_of_position(t, 0, 99), 6u);  // clamped before CR LF
  EXPECT_EQ(icp::ide::offset_of_position(t, 1, 2), 10u);
  EXPECT_EQ(icp::ide::offset_of_position(t, 7, 0), t.size());
  std::string s = "hello\n";
  icp::ide::apply_change(s, TextChange{true, 0, 0, 0, 0, "// hi\n"});
  EXPECT_EQ(s, "// hi\nhello\n");
  icp::ide::apply_change(s, TextChange{true, 1, 0, 1, 5, "bye"});
  EXPECT_EQ(s, "// hi\nbye\n");
  icp::ide::apply_change(s, TextChange{true, 1, 3, 0, 2, ""});  // reversed range
  EXPECT_EQ(s, "//\n");
  icp::ide::apply_change(s, TextChange{false, 0, 0, 0, 0, "all new"});
  EXPECT_EQ(s, "all new");
}

TEST(Ide, ErrorsOfImportedFilesShowAtTheirImport) {
  icp::sema::CompileOptions opts;
  opts.stdlib_dir = ICP_TEST_STDLIB_DIR;
  opts.overlays = {{"/tmp/ide_test/bad.icp", "const Q = \nconst R = 1 +\n"},
                   {"/tmp/ide_test/good.icp", "const G = 1\n"},
                   {"/tmp/ide_test/middle.icp", "import \"./bad.icp\"\nconst M = 1\n"}};
  Annotations a("import $bad^\"./bad.icp\"\nimport \"./good.icp\"\nimport $middle^\"./middle.icp\"\n"
                "const Z = G + M\n");
  const std::string& text = a.code();
  auto p = icp::sema::compile_source(text, "/tmp/ide_test/main.icp", opts);
  auto diags = icp::ide::file_diagnostics(*p);
  ASSERT_EQ(diags.size(), 2u);  // one per import that brings errors, none for good.icp
  EXPECT_EQ(diags[0].message, "the imported file bad.icp has 2 errors");
  EXPECT_EQ(diags[0].severity, icp::Severity::Error);
  EXPECT_EQ(diags[0].code, "");
  EXPECT_EQ(diags[0].range.begin, a.point("bad"));
  ASSERT_EQ(diags[0].notes.size(), 2u);
  EXPECT_EQ(p->sources.file(diags[0].notes[0].range.file).path(), "/tmp/ide_test/bad.icp");
  EXPECT_NE(diags[0].notes[0].message.find("E0001"), std::string::npos) << diags[0].notes[0].message;
  EXPECT_EQ(diags[1].message, "the imported file middle.icp has 2 errors, counting the files it imports");
  EXPECT_EQ(diags[1].range.begin, a.point("middle"));
  // The quick fixes and the syntax check of the main file are not affected.
  EXPECT_TRUE(icp::ide::code_actions(*p, 0, static_cast<uint32_t>(text.size())).empty());
  EXPECT_FALSE(icp::ide::has_syntax_errors(*p));
}

TEST(Ide, HoverOnAnItemKeywordDescribesTheItem) {
  std::string annotated = kModel;
  annotated.replace(annotated.find("  signal \"Typo\""), 0,
                    "  g$group^roup \"One\" {\n"
                    "    $in_kw[[si$in_kw_at^gnal]] \"$in_label^In\" when large => 1\n"
                    "  }\n");
  Annotations a(annotated);
  auto p = compile(a.code());
  for (std::string rule : {"large", "in"}) {
    auto on_label = icp::ide::hover(*p, a.point(rule + "_label"));
    auto on_keyword = icp::ide::hover(*p, a.point(rule + "_kw_at"));
    ASSERT_TRUE(on_label && on_keyword) << rule;
    EXPECT_EQ(on_keyword->markdown, on_label->markdown);
    EXPECT_EQ(on_keyword->range.begin, a.range(rule + "_kw").begin);
    EXPECT_EQ(on_keyword->range.end, a.range(rule + "_kw").end);
  }
  auto group = icp::ide::hover(*p, a.point("group"));
  ASSERT_TRUE(group);
  EXPECT_NE(group->markdown.find("group \"One\" (1 item)"), std::string::npos) << group->markdown;
}

TEST(Uri, OtherSchemesRoundTrip) {
  for (const char* uri : {"untitled:Untitled-1", "vscode-notebook-cell:/a/b.icp#x"})
    EXPECT_EQ(icp::ide::uri_from_path(icp::ide::path_from_uri(uri)), uri);
  EXPECT_EQ(icp::ide::path_from_uri("file:///tmp/sp%20ace%2Bx/m.icp"), "/tmp/sp ace+x/m.icp");
  EXPECT_EQ(icp::ide::uri_from_path("/tmp/sp ace+x/m.icp"), "file:///tmp/sp%20ace%2Bx/m.icp");
  EXPECT_EQ(icp::ide::uri_from_path("/tmp/a:b.icp"), "file:///tmp/a%3Ab.icp");  // a path, not a scheme
}

TEST(Documents, LoneCarriageReturnsEndLines) {
  // LSP 3.17: "\n", "\r\n" and "\r" all end a line.
  std::string t = "ab\rcd\r\nef\ngh";
  EXPECT_EQ(icp::ide::offset_of_position(t, 0, 9), 2u);   // clamped before the \r
  EXPECT_EQ(icp::ide::offset_of_position(t, 1, 1), 4u);
  EXPECT_EQ(icp::ide::offset_of_position(t, 1, 9), 5u);   // before \r\n
  EXPECT_EQ(icp::ide::offset_of_position(t, 2, 0), 7u);
  EXPECT_EQ(icp::ide::offset_of_position(t, 3, 1), 11u);
  icp::SourceFile f(0, "x.icp", t);
  EXPECT_EQ(f.lsp_line_count(), 4u);
  EXPECT_EQ(f.lsp_position(4).line, 1u);
  EXPECT_EQ(f.lsp_position(4).character, 1u);
  EXPECT_EQ(f.lsp_position(11).line, 3u);
  EXPECT_EQ(f.offset_of_lsp(1, 1), 4u);
  EXPECT_EQ(f.offset_of_lsp(1, 9), 5u);
  EXPECT_EQ(f.lsp_line_span(1), (std::pair<uint32_t, uint32_t>{3, 5}));
  // `icp check` counts \n only: the same offset is on its first line.
  EXPECT_EQ(f.line_col(4).first, 1u);
  // Without a lone \r, the LSP lines are the lines.
  icp::SourceFile g(0, "y.icp", "a\r\nb\n");
  EXPECT_EQ(g.lsp_line_count(), 3u);
  EXPECT_EQ(g.lsp_position(3).line, 1u);
  EXPECT_EQ(g.lsp_line_span(0), (std::pair<uint32_t, uint32_t>{0, 1}));
}

TEST(Workspace, ReusesAnAnalysisUntilAFileItReadChanges) {
  icp::ide::Workspace ws(ICP_TEST_STDLIB_DIR);
  const std::string lib = icp::ide::uri_from_path("/tmp/ide_ws_test/lib.icp");
  const std::string main = icp::ide::uri_from_path("/tmp/ide_ws_test/main.icp");
  const std::string other = icp::ide::uri_from_path("/tmp/ide_ws_test/other.icp");
  ws.documents().open(lib, "const L = 1\n", 1);
  ws.documents().open(main, "import \"./lib.icp\"\nconst M = L + 1\n", 1);
  ws.documents().open(other, "const O = 2\n", 1);
  EXPECT_FALSE(ws.analysis("file:///nowhere/not-open.icp").program);

  icp::ide::Analysis a = ws.analysis(main);
  ASSERT_TRUE(a.program);
  EXPECT_TRUE(icp::ide::file_diagnostics(*a.program).empty());
  ASSERT_TRUE(ws.analysis(other).program);
  // Same inputs: the same Program. A change elsewhere does not matter.
  EXPECT_EQ(ws.analysis(main).program, a.program);
  ASSERT_TRUE(ws.documents().change(other, {{false, 0, 0, 0, 0, "const O = 3\n"}}, 2));
  EXPECT_EQ(ws.analysis(main).program, a.program);

  // main read lib (an open document): it depends on it; nothing depends on main.
  EXPECT_EQ(ws.dependents(lib), std::vector<std::string>{main});
  EXPECT_TRUE(ws.dependents(main).empty());
  // An edit of lib.icp is seen by the next analysis of main.
  ASSERT_TRUE(ws.documents().change(lib, {{false, 0, 0, 0, 0, "const K = 1\n"}}, 2));
  icp::ide::Analysis b = ws.analysis(main);
  ASSERT_TRUE(b.program);
  EXPECT_NE(b.program, a.program);
  EXPECT_FALSE(icp::ide::file_diagnostics(*b.program).empty());  // L is gone
  // A change on disk of a file it read makes it stale too.
  EXPECT_EQ(ws.file_changed_on_disk(lib), std::vector<std::string>{main});
  EXPECT_NE(ws.analysis(main).program, b.program);
}

}  // namespace

TEST(Ide, HoverOnAKeyFieldSaysKey) {
  const std::string text = R"(schema A {
  id: string key from "Account ID"
  n: int?
}
profile P on A {
  signal "S" when id != "" and n > 1 => 1
}
)";
  auto p = compile(text);
  auto h = icp::ide::hover(*p, static_cast<uint32_t>(text.find("id != ")));
  ASSERT_TRUE(h);
  EXPECT_NE(h->markdown.find("id: string key from \"Account ID\""), std::string::npos) << h->markdown;
}
