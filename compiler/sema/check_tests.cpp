// Test blocks (LANGUAGE.md section 7), E0301: the profile (a `persona X`
// test must name a persona and `profile X` a profile; a test that names none
// uses the only profile in scope), `as_of` (a date), `given` fields (known,
// of the right type, constant; required fields present), and every label and
// tier an `expect` names. W0004 when a test without `as_of` scores a profile
// that reads the scoring date (triggers, `within`, `as_of`, days_since()).
#include <algorithm>
#include <unordered_map>

#include "icp/rt/name_list.h"
#include "sema/checker.h"
#include "sema/expr_checker.h"
#include "sema/fold.h"
#include "sema/suggest.h"

namespace icp::sema {
namespace {

enum class RuleKind { Exclude, Signal, Trigger };

struct ProfileFacts {
  std::unordered_map<std::string, RuleKind> rules;
  std::vector<std::string> rule_names, exclude_names, tier_names;
};

void collect_items(const std::vector<ast::ItemPtr>& items, ProfileFacts& f) {
  for (const auto& it : items) {
    if (!it) continue;
    if (const auto* e = it->as<ast::ExcludeItem>()) {
      f.rules.emplace(e->label.value, RuleKind::Exclude);
      f.exclude_names.push_back(e->label.value);
    } else if (const auto* s = it->as<ast::SignalItem>()) {
      f.rules.emplace(s->label.value, RuleKind::Signal);
      f.rule_names.push_back(s->label.value);
    } else if (const auto* t = it->as<ast::TriggerItem>()) {
      f.rules.emplace(t->label.value, RuleKind::Trigger);
      f.rule_names.push_back(t->label.value);
    } else if (const auto* t = it->as<ast::TierItem>()) {
      f.tier_names.push_back(t->name.name);
    } else if (const auto* g = it->as<ast::GroupItem>()) {
      collect_items(g->items, f);
    }
  }
}

class TestChecker {
 public:
  TestChecker(Checker& c, FileId file, const ast::TestDecl& t) : c_(c), file_(file), t_(t) {}

  void run() {
    info_.label = t_.label.value;
    info_.decl = &t_;
    resolve_profile();
    check_as_of();
    if (profile_) {
      given();
      ProfileFacts facts;
      collect_items(profile_->decl->items, facts);
      for (const auto& e : t_.expects) expect(e, facts);
      if (!t_.as_of && profile_->uses_as_of)
        c_.diags.emit(diag::TestWithoutAsOf, t_.label.range, t_.label.value,
                      "the scoring date (triggers, `within`, `as_of` or days_since())");
    } else {
      for (const auto& g : t_.given)
        if (g.value) check_silently(*g.value);
    }
    if (c_.is_main(file_)) c_.m.tests.push_back(std::move(info_));
  }

 private:
  // Whether `name` labels or names a statement that a syntax error made the
  // parser skip, in this file or the profile's (`signl "Big" ...`): the
  // syntax error said it already (one mistake, one diagnostic).
  bool lost(const std::string& name) const {
    for (FileId f : {file_, profile_ ? profile_->file : file_})
      if (const ast::Module* m = c_.module(f))
        if (std::find(m->lost_names.begin(), m->lost_names.end(), name) != m->lost_names.end())
          return true;
    return false;
  }

  void resolve_profile() {
    const char* word = t_.persona ? "persona" : "profile";
    if (t_.profile.empty()) {
      std::vector<uint32_t> visible;
      for (uint32_t i = 0; i < c_.m.profiles.size(); ++i) {
        FileId pf = c_.m.profiles[i].file;
        if (pf == file_ || std::count(c_.files[file_].imports.begin(), c_.files[file_].imports.end(), pf))
          visible.push_back(i);
      }
      if (visible.size() == 1) {
        set_profile(visible[0]);
        return;
      }
      c_.diags.emit(diag::TestNeedsProfile, t_.label.range, t_.label.value, visible.size());
      return;
    }
    const std::string& n = t_.profile.name;
    const TopDecl* td = c_.lookup_kind(file_, n, ast::DeclKind::Profile);
    if (!td && c_.incomplete(file_)) return;  // a missing import may declare it
    if (!td && lost(n)) return;
    if (!td) {
      std::vector<std::string> cands;
      for (const auto& [name, d] : c_.files[file_].names)
        if (d.kind == ast::DeclKind::Profile) cands.push_back(name);
      std::sort(cands.begin(), cands.end());
      auto b = c_.diags.emit(diag::TestUnknownProfile, t_.profile.range, word, n);
      add_suggestion(b, t_.profile.range, n, cands);
      return;
    }
    const ProfileInfo& p = c_.m.profiles[td->index];
    if (p.decl->persona != t_.persona) {
      c_.diags.emit(diag::TestProfileIsPersona, t_.profile.range, n,
                    p.decl->persona ? "persona" : "profile",
                    p.decl->persona ? "persona" : "profile", n)
          .note(p.decl->name.range, "declared here");
    }
    set_profile(td->index);
  }

  void set_profile(uint32_t idx) {
    profile_ = &c_.m.profiles[idx];
    info_.profile = static_cast<int>(idx);
    c_.m.set_ref(t_.id, Ref{RefKind::Profile, profile_->decl, kNoEnum, idx});
    if (profile_->schema >= 0) schema_ = &c_.m.schemas[profile_->schema];
  }

  void check_as_of() {
    if (!t_.as_of) return;
    // The builder admits only a date literal (E0001 otherwise).
    check_silently(*t_.as_of);
  }

  Type check_silently(const ast::Expr& e, Expected ex = std::nullopt) {
    ExprEnv env;
    env.file = file_;
    env.site = ExprSite::Given;
    ExprChecker x(c_, env);
    return x.check(e, ex);
  }

  void given() {
    if (!schema_) return;  // the profile's schema is unknown: already reported
    std::unordered_map<std::string, const ast::GivenField*> seen;
    std::vector<std::string> names;
    for (const auto& f : schema_->fields) names.push_back(f.name);
    for (const auto& g : t_.given) {
      if (g.name.empty()) continue;
      auto [it, fresh] = seen.emplace(g.name.name, &g);
      if (!fresh) {
        c_.diags.emit(diag::Duplicate, g.name.range, "field", g.name.name)
            .note(it->second->name.range, "'{}' is first given here", g.name.name);
        continue;
      }
      int fi = schema_->field_index(g.name.name);
      if (fi < 0) {
        auto b = c_.diags.emit(diag::GivenUnknownField, g.name.range, g.name.name, schema_->name);
        add_suggestion(b, g.name.range, g.name.name, names);
        if (g.value) check_silently(*g.value, Type::error());
        continue;
      }
      const FieldInfo& field = schema_->fields[fi];
      c_.m.set_ref(g.id, Ref{RefKind::Field, field.decl, kNoEnum, static_cast<uint32_t>(fi)});
      if (!g.value) continue;
      given_value(g, fi, field);
    }
    std::vector<std::string> missing;
    for (const auto& f : schema_->fields) {
      if (f.type.is_error() || f.type.optional || f.default_value || f.type.is_set()) continue;
      if (!seen.count(f.name)) missing.push_back("'" + f.name + "'");
    }
    if (!missing.empty()) {
      std::string list = rt::name_list(missing, /*prose=*/true);
      SourceRange r = t_.given_range ? *t_.given_range : t_.label.range;
      c_.diags.emit(diag::GivenLeavesOutRequired, r, missing.size() == 1 ? "" : "s", list);
    }
  }

  void given_value(const ast::GivenField& g, int fi, const FieldInfo& field) {
    const ast::Expr& e = *g.value;
    if (e.kind == ast::ExprKind::MissingLit) {
      if (!field.type.is_error()) c_.m.set_type(e.id, field.type.with_optional(true));
      if (!field.type.optional && !field.default_value && !field.type.is_set() && !field.type.is_error())
        c_.diags.emit(diag::GivenRequiredMissing, e.range, field.name);
      info_.given.push_back(GivenValue{fi, std::monostate{}, &g});
      return;
    }
    Type t = check_silently(e, field.type.is_error() ? Expected(Type::error()) : Expected(field.type));
    if (t.is_error() || field.type.is_error()) return;
    if (!ExprChecker::assignable(t, field.type)) {
      const auto* str = e.as<ast::StringLit>();
      auto lit = str ? unquoted_literal(str->value, field.type) : std::nullopt;
      if (lit)
        c_.diags.emit(diag::GivenQuoted, e.range, field.name, c_.m.type_name(field.type.plain()),
                      c_.m.type_name(t.plain()), *lit)
            .fix(e.range, *lit);
      else
        c_.diags.emit(diag::GivenWrongType, e.range, field.name, c_.m.type_name(field.type.plain()),
                      c_.m.type_name(t.plain()));
      return;
    }
    Folded f = fold(c_.m, e);
    // (A `given` value is a literal, a const or an enum member: the grammar
    // admits nothing else, and a const that does not fold is reported at the
    // const.)
    if (!f.constant) return;
    info_.given.push_back(GivenValue{fi, coerce(f.value, field.type), &g});
  }

  void number(const ast::Expect& e, const char* what) {
    if (!e.value) return;
    Type t = check_silently(*e.value, Type::of(TypeKind::Float));
    if (t.is_error()) return;
    if (!t.is_numeric())
      c_.diags.emit(diag::ExpectNotNumber, e.value->range, what, c_.m.type_name(t));
    else if (!fold(c_.m, *e.value).constant)
      c_.diags.emit(diag::ExpectNotConstant, e.value->range, what);
  }

  // Which rules an `expect` may name: signals and triggers (`fired`,
  // `points`), excludes (`excluded_by`), or any rule (`unknown`: an exclude
  // whose condition is unknown is listed there too, LANGUAGE.md section 6).
  enum class RuleWant { Scored, Exclude, Any };

  void rule(const ast::Expect& e, const ProfileFacts& f, RuleWant want) {
    auto it = f.rules.find(e.label.value);
    if (it == f.rules.end()) {
      if (lost(e.label.value)) return;
      std::vector<std::string> cands = want == RuleWant::Exclude ? f.exclude_names : f.rule_names;
      if (want == RuleWant::Any) cands.insert(cands.end(), f.exclude_names.begin(), f.exclude_names.end());
      auto b = c_.diags.emit(diag::ExpectUnknownRule, e.label.range,
                             want == RuleWant::Exclude ? "exclude" : "rule", e.label.value,
                             profile_->decl->persona ? "persona" : "profile", profile_->name);
      if (auto s = closest_name(e.label.value, cands)) {
        b.note("did you mean \"{}\"?", *s);
        b.fix(e.label.range, "\"" + *s + "\"");
      }
      return;
    }
    bool is_exclude = it->second == RuleKind::Exclude;
    if (is_exclude && want == RuleWant::Scored)
      c_.diags.emit(diag::ExpectRuleIsExclude, e.label.range, e.label.value);
    else if (!is_exclude && want == RuleWant::Exclude)
      c_.diags.emit(diag::ExpectNotAnExclude, e.label.range, e.label.value,
                    it->second == RuleKind::Signal ? "signal" : "trigger");
  }

  void expect(const ast::Expect& e, const ProfileFacts& f) {
    switch (e.kind) {
      case ast::ExpectKind::Tier: {
        const std::string& n = e.tier.name;
        if (n.empty() || n == "out" || n == "excluded") return;
        if (std::find(f.tier_names.begin(), f.tier_names.end(), n) != f.tier_names.end()) return;
        if (lost(n)) return;
        auto b = c_.diags.emit(diag::ExpectUnknownTier, e.tier.range, n,
                               profile_->decl->persona ? "persona" : "profile", profile_->name);
        std::vector<std::string> cands = f.tier_names;
        cands.push_back("out");
        cands.push_back("excluded");
        add_suggestion(b, e.tier.range, n, cands);
        return;
      }
      case ast::ExpectKind::Score: number(e, "score"); return;
      case ast::ExpectKind::Confidence: number(e, "confidence"); return;
      case ast::ExpectKind::Points:
        rule(e, f, RuleWant::Scored);
        number(e, "points");
        return;
      case ast::ExpectKind::Fired: rule(e, f, RuleWant::Scored); return;
      case ast::ExpectKind::Unknown: rule(e, f, RuleWant::Any); return;
      case ast::ExpectKind::ExcludedBy: rule(e, f, RuleWant::Exclude); return;
      case ast::ExpectKind::Excluded: return;
    }
  }

  Checker& c_;
  FileId file_;
  const ast::TestDecl& t_;
  const ProfileInfo* profile_ = nullptr;
  const SchemaInfo* schema_ = nullptr;
  TestInfo info_;
};

}  // namespace

void check_tests(Checker& c) {
  for (FileId f = 0; f < c.prog.modules.size(); ++f) {
    const ast::Module* mod = c.module(f);
    if (!mod) continue;
    for (const auto& d : mod->decls)
      if (const auto* t = d->as<ast::TestDecl>()) TestChecker(c, f, *t).run();
  }
}

}  // namespace icp::sema
