// The expression checker (LANGUAGE.md sections 4, 5 and 9): types every
// expression, resolves names (fields, lets, params, consts, enum members by
// context), records types and Refs in the SemanticModel, and reports type
// errors. Split over check_exprs.cpp (dispatch, literals, sets, if),
// check_names.cpp (names and enum members), check_ops.cpp (operators) and
// check_calls.cpp (built-ins and defs).
//
// Expected types flow down: `std::nullopt` means "no expectation", an Error
// type means "a sibling already failed": a name that needs context then fails
// silently, so one root cause gives one diagnostic.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sema/checker.h"

namespace icp::sema {

using Expected = std::optional<Type>;

// Where an expression appears; decides which names exist.
enum class ExprSite : uint8_t { Const, Def, Profile, SchemaDefault, Given };

struct Local {
  const ast::Ident* name;
  Ref ref;
  Type type;
};

// The params and lets in scope, innermost last, indexed by name: a profile
// may declare thousands of lets, and each name looked up must not scan them.
class Locals {
 public:
  void push_back(Local l) {
    by_name_[l.name->name].push_back(static_cast<uint32_t>(items_.size()));
    items_.push_back(l);
  }
  size_t size() const { return items_.size(); }
  // Drops the locals declared after the first n (the end of a group).
  void resize(size_t n) {
    while (items_.size() > n) {
      auto it = by_name_.find(items_.back().name->name);
      it->second.pop_back();
      if (it->second.empty()) by_name_.erase(it);
      items_.pop_back();
    }
  }
  // The innermost local named `name`, or null.
  const Local* find(std::string_view name) const {
    auto it = by_name_.find(name);
    return it == by_name_.end() ? nullptr : &items_[it->second.back()];
  }
  auto rbegin() const { return items_.rbegin(); }
  auto rend() const { return items_.rend(); }

 private:
  std::vector<Local> items_;
  std::unordered_map<std::string_view, std::vector<uint32_t>> by_name_;
};

struct ExprEnv {
  FileId file = kNoFile;
  ExprSite site = ExprSite::Profile;
  const SchemaInfo* schema = nullptr;  // its fields are in scope
  const ast::ProfileDecl* profile = nullptr;  // the profile being checked (for messages)
  bool silent_unknown = false;         // the profile's schema is unknown
  bool in_tier = false;                // `score` and `confidence` are allowed
  int def_index = -1;                  // the def whose body this is
  Locals locals;                       // params and lets, innermost last
  // Out: what the checked expressions used.
  bool uses_as_of = false;
  std::vector<DefCall> calls;  // calls to defs
};

// The result of a value lookup of a bare name.
struct ValueRef {
  Ref ref;
  Type type;
  const char* what;  // "field", "let", "const", "parameter"
};

class ExprChecker {
 public:
  ExprChecker(Checker& c, ExprEnv& env) : c_(c), m_(c.m), env_(env) {}

  // Types `e` (recording it) and returns its type.
  Type check(const ast::Expr& e, Expected expected = std::nullopt);
  // Types `e` where its context gives it `expected` as its type (LANGUAGE.md
  // section 5: a call's parameter, a `def`'s result, a schema default, a
  // `given` field, and through `if` branches and the right side of `??`):
  // there, `missing` is the missing value of that type, `T?`. Elsewhere
  // (conditions, points, operands of operators, lets, consts) it is E0201.
  Type check_in_context(const ast::Expr& e, Expected expected) {
    context_ = &e;
    return check(e, expected);
  }
  // Types a condition: E0202 unless it is a bool. `what` names it for the
  // message ("the condition of `when`").
  Type check_cond(const ast::Expr& e, std::string_view what);
  // A window or half-life: a constant duration (E0205), not negative (a
  // window) or positive (`positive`: a half-life).
  Type check_window(const ast::Expr& e, std::string_view what, bool positive = false);

  std::optional<ValueRef> lookup_value(const std::string& name);
  // Whether `name` is a param, let or field here (these hide top-level names).
  bool lookup_local_or_field(const std::string& name) const;
  // Names in scope, for "did you mean".
  std::vector<std::string> value_candidates() const;
  // A let of the profile named `name` that is not in scope here, or null
  // (`group` receives the group holding it, if any).
  const ast::LetItem* hidden_let(const std::string& name, const ast::GroupItem** group) const;

  static std::optional<Type> unify(Type a, Type b);
  static bool assignable(Type from, Type to);

 private:
  // check_names.cpp
  Type check_name(const ast::NameExpr& e, Expected expected);
  Type check_qualified(const ast::QualifiedExpr& e);
  Type check_special(const ast::SpecialExpr& e);
  // check_ops.cpp
  Type check_unary(const ast::UnaryExpr& e, Expected expected);
  Type check_binary(const ast::BinaryExpr& e, Expected expected, bool in_context);
  Type check_logic(const ast::BinaryExpr& e);
  Type check_compare(const ast::BinaryExpr& e);
  Type check_arith(const ast::BinaryExpr& e, Expected expected);
  Type check_coalesce(const ast::BinaryExpr& e, Expected expected, bool in_context);
  Type check_in(const ast::InExpr& e);
  Type check_between(const ast::BetweenExpr& e);
  Type check_has(const ast::HasExpr& e);
  Type check_matches(const ast::MatchesExpr& e);
  Type check_within(const ast::WithinExpr& e);
  // check_calls.cpp
  Type check_call(const ast::CallExpr& e, Expected expected);
  Type check_builtin(const ast::CallExpr& e, Builtin b);
  Type check_def_call(const ast::CallExpr& e, uint32_t def);
  // check_exprs.cpp
  Type check_if(const ast::IfExpr& e, Expected expected, bool in_context);
  Type check_set(const ast::SetLit& e, Expected expected);
  Type check_missing(const ast::Expr& e, Expected expected, bool in_context);
  // Types a and b where each may give the other its expected type (enum
  // members); the one that needs no context goes first. For `missing`:
  // `in_context` says whether `expected` is a typing context, `a_by_b` and
  // `b_by_a` whether a side takes its type from the other (both for `if`,
  // only the right side for `??`).
  std::pair<Type, Type> check_pair(const ast::Expr& a, const ast::Expr& b, Expected expected,
                                   bool in_context = false, bool a_by_b = false, bool b_by_a = false);
  bool needs_context(const ast::Expr& e);
  std::string tn(Type t) const { return m_.type_name(t); }

  Checker& c_;
  SemanticModel& m_;
  ExprEnv& env_;
  // The expression check_in_context() is about to check; check() takes it.
  const ast::Expr* context_ = nullptr;
};

// The type a sibling offers as the expected type of another operand: an
// errored sibling offers Error, which silences context-dependent names.
inline Expected offer_type(Type t) { return t; }

// An enum id that an expected type asks for (Enum or EnumSet), or kNoEnum.
EnumId expected_enum(const Expected& e);
// The index of a member in an enum, or -1.
int member_index(const EnumInfo& e, std::string_view name);

}  // namespace icp::sema
