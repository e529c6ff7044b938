// Profiles and personas: the schema (E0101), then the items in order. Lets
// are visible after their declaration (a group's lets stay in the group;
// profile-level lets are visible in every tier condition); a let that shadows
// a field, let or const is E0103. Labels are unique among rules, group labels
// among groups, tier names among tiers (E0103; `out` and `excluded` are
// reserved); labels may not hold `;` or line breaks (E0209). Conditions are
// bools (E0202), points numbers (E0203), trigger dates dates and windows
// constant durations (E0205), caps non-negative constant numbers (E0203).
#include <algorithm>
#include <unordered_map>

#include "sema/checker.h"
#include "sema/expr_checker.h"
#include "sema/fold.h"
#include "sema/lints.h"
#include "sema/suggest.h"

namespace icp::sema {
namespace {

class ProfileChecker {
 public:
  ProfileChecker(Checker& c, ProfileInfo& p) : c_(c), p_(p), x_(c, env_) {}

  void run() {
    const ast::ProfileDecl& d = *p_.decl;
    env_.file = p_.file;
    env_.site = ExprSite::Profile;
    env_.profile = &d;
    resolve_schema(d);
    std::vector<const ast::TierItem*> tiers;
    items(d.items, tiers);
    // Tiers after every other item: profile-level lets are all visible.
    env_.in_tier = true;
    for (const ast::TierItem* t : tiers) tier(*t);
    env_.in_tier = false;
    lint_tiers(c_, tiers);
    bool uses = env_.uses_as_of || has_trigger_;
    for (const DefCall& call : env_.calls) uses = uses || c_.m.defs[call.callee].uses_as_of;
    p_.uses_as_of = uses;
  }

 private:
  void resolve_schema(const ast::ProfileDecl& d) {
    if (d.schema.empty()) {
      env_.silent_unknown = true;
      return;
    }
    if (const TopDecl* td = c_.lookup_kind(p_.file, d.schema.name, ast::DeclKind::Schema)) {
      p_.schema = static_cast<int>(td->index);
      env_.schema = &c_.m.schemas[td->index];
      c_.m.set_ref(d.id, Ref{RefKind::Schema, td->decl, kNoEnum, td->index});
      return;
    }
    env_.silent_unknown = true;
    if (c_.incomplete(p_.file)) return;  // a missing import may declare it
    auto b = c_.diags.emit(diag::UnknownName, d.schema.range, "schema", d.schema.name);
    if (const TopDecl* other = c_.lookup(p_.file, d.schema.name)) {
      b.note(other->name->range, "'{}' is {}, not a schema", d.schema.name, decl_kind_phrase(*other->decl));
      return;
    }
    std::vector<std::string> cands;
    for (const auto& [name, td] : c_.files[p_.file].names)
      if (td.kind == ast::DeclKind::Schema) cands.push_back(name);
    std::sort(cands.begin(), cands.end());
    add_suggestion(b, d.schema.range, d.schema.name, cands);
  }

  void items(const std::vector<ast::ItemPtr>& list, std::vector<const ast::TierItem*>& tiers) {
    for (const auto& it : list) {
      if (!it) continue;
      switch (it->kind) {
        case ast::ItemKind::Let: let(*it->as<ast::LetItem>()); break;
        case ast::ItemKind::Exclude: {
          const auto& e = *it->as<ast::ExcludeItem>();
          rule_label(e.label);
          cond(e.cond.get());
          break;
        }
        case ast::ItemKind::Signal: {
          const auto& s = *it->as<ast::SignalItem>();
          rule_label(s.label);
          cond(s.cond.get());
          points(s.points.get());
          break;
        }
        case ast::ItemKind::Trigger: trigger(*it->as<ast::TriggerItem>()); break;
        case ast::ItemKind::Tier: tiers.push_back(it->as<ast::TierItem>()); break;
        case ast::ItemKind::Group: group(*it->as<ast::GroupItem>(), tiers); break;
      }
    }
  }

  void let(const ast::LetItem& l) {
    Type t = l.value ? x_.check(*l.value) : Type::error();
    if (l.value) lint_if_conditions(c_, *l.value);
    if (c_.is_main(p_.file)) c_.main_lets.push_back(&l);
    if (l.name.empty()) return;
    const std::string& n = l.name.name;
    const SourceRange* prev = nullptr;
    const char* what = nullptr;
    if (const Local* loc = env_.locals.find(n)) {
      prev = &loc->name->range;
      what = "let";
    }
    if (!prev && env_.schema) {
      int fi = env_.schema->field_index(n);
      if (fi >= 0) { prev = &env_.schema->fields[fi].decl->name.range; what = "field"; }
    }
    if (!prev) {
      if (const TopDecl* td = c_.lookup_kind(p_.file, n, ast::DeclKind::Const)) {
        prev = &td->name->range;
        what = "const";
      }
    }
    if (prev)
      c_.diags.emit(diag::ShadowingLet, l.name.range, n, what)
          .note(*prev, "the {} '{}' is declared here", what, n);
    env_.locals.push_back(Local{&l.name, Ref{RefKind::Let, &l, kNoEnum, 0}, t});
  }

  void trigger(const ast::TriggerItem& t) {
    has_trigger_ = true;
    rule_label(t.label);
    if (t.on) {
      Type d = x_.check(*t.on);
      if (!d.is_error() && d.kind != TypeKind::Date)
        c_.diags.emit(diag::NotADate, t.on->range, "the `on` operand of a trigger", x_tn(d));
    }
    if (t.within) x_.check_window(*t.within, "the window of a trigger");
    cond(t.cond.get());
    points(t.points.get());
    if (t.halflife) x_.check_window(*t.halflife, "the half-life of a trigger", /*positive=*/true);
  }

  void group(const ast::GroupItem& g, std::vector<const ast::TierItem*>& tiers) {
    check_label(g.label);
    auto [it, fresh] = groups_.emplace(g.label.value, g.label.range);
    if (!fresh)
      c_.diags.emit(diag::Duplicate, g.label.range, "group", g.label.value)
          .note(it->second, "the first group with this label is here");
    if (g.cap) cap(*g.cap);
    size_t mark = env_.locals.size();
    items(g.items, tiers);
    env_.locals.resize(mark);
  }

  void cap(const ast::Expr& e) {
    Type t = x_.check(e, Type::of(TypeKind::Float));
    if (t.is_error()) return;
    if (!t.is_numeric()) {
      c_.diags.emit(diag::CapNotNumeric, e.range, x_tn(t));
      return;
    }
    Folded f = fold(c_.m, e);
    if (!f.constant) {
      if (!f.error)
        c_.diags.emit(diag::CapNotConstant, e.range, f.why);
      return;
    }
    double v = std::holds_alternative<int64_t>(f.value)  ? double(std::get<int64_t>(f.value))
               : std::holds_alternative<double>(f.value) ? std::get<double>(f.value)
                                                         : -1;
    if (!(v >= 0))
      c_.diags.emit(diag::CapNegative, e.range);
  }

  void tier(const ast::TierItem& t) {
    if (!t.name.empty()) {
      const std::string& n = t.name.name;
      if (n == "out" || n == "excluded") {
        c_.diags.emit(diag::ReservedTierName, t.name.range, n);
      } else {
        auto [it, fresh] = tiers_.emplace(n, t.name.range);
        if (!fresh)
          c_.diags.emit(diag::Duplicate, t.name.range, "tier", n)
              .note(it->second, "the first tier '{}' is here", n);
      }
    }
    cond(t.cond.get());
  }

  void cond(const ast::Expr* e) {
    if (!e) return;
    Type t = x_.check_cond(*e, "the condition of `when`");
    if (t.kind == TypeKind::Bool) lint_condition(c_, *e);
    lint_if_conditions(c_, *e);
  }

  void points(const ast::Expr* e) {
    if (!e) return;
    Type t = x_.check(*e, Type::of(TypeKind::Float));
    if (!t.is_error() && !t.is_numeric() && t.kind != TypeKind::Duration)
      c_.diags.emit(diag::PointsNotNumeric, e->range, x_tn(t));
    lint_if_conditions(c_, *e);
  }

  void check_label(const ast::Label& l) {
    if (l.value.find(';') != std::string::npos)
      c_.diags.emit(diag::BadLabel, l.range, "`;` (it separates labels in CSV output)");
    else if (l.value.find_first_of("\r\n") != std::string::npos)
      c_.diags.emit(diag::BadLabel, l.range, "a line break");
  }

  void rule_label(const ast::Label& l) {
    check_label(l);
    auto [it, fresh] = labels_.emplace(l.value, l.range);
    if (!fresh)
      c_.diags.emit(diag::Duplicate, l.range, "label", l.value)
          .note(it->second, "the first rule labelled \"{}\" is here", l.value);
  }

  std::string x_tn(Type t) const { return c_.m.type_name(t); }

  Checker& c_;
  ProfileInfo& p_;
  ExprEnv env_;
  ExprChecker x_;
  bool has_trigger_ = false;
  std::unordered_map<std::string, SourceRange> labels_, groups_, tiers_;
};

}  // namespace

void check_profiles(Checker& c) {
  for (auto& p : c.m.profiles) ProfileChecker(c, p).run();
}

}  // namespace icp::sema
