// Lowers expressions of a checked profile to IR values (used by lower.cpp).
// Knows the scope: the profile's lets (by declaration) and, while a def is
// being inlined, its parameters (a stack of frames).
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "ir/emitter.h"
#include "sema/semantic_model.h"
#include "syntax/ast.h"

namespace icp::ir {

class ExprLowerer {
 public:
  ExprLowerer(const sema::SemanticModel& model, Emitter& em) : m_(model), em_(em) {}

  // The value of `e`; `hint` types a bare `missing` when the checker left it
  // untyped.
  ValueId lower(const ast::Expr& e, VType hint = VType::Bool);
  // The value of `e` converted to `want` (int -> float where needed).
  ValueId lower_as(const ast::Expr& e, VType want);
  ValueId lower_as(const ast::Expr& e, const sema::Type& want) { return lower_as(e, vtype_of_type(want)); }

  void bind_let(const ast::LetItem* let, ValueId v) { lets_[let] = v; }

  // as_of - date (Int days, checked).
  ValueId age_of(ValueId date);
  // The window rule of `within` and triggers: 0 <= age <= window (Int days).
  ValueId in_window(ValueId age, ValueId window);

  [[noreturn]] void fail(const ast::Node& n, const std::string& what) const;
  static VType vtype_of_type(const sema::Type& t);

 private:
  struct Frame {
    const ast::DefDecl* def;
    std::vector<ValueId> args;
  };
  // What the right side of `in` / `has any|all` is.
  struct SetOperand {
    enum Kind { Values, EnumMembers, Elements } kind = Values;
    ValueId set = kNoValue;          // Values: a StrSet value
    std::vector<bool> members;       // EnumMembers: membership by index
    std::vector<ValueId> elements;   // Elements: a non-constant literal
  };

  ValueId lower_constant(const ast::Expr& e, const sema::ConstValue& c);
  ValueId lower_name(const ast::Expr& e, const sema::Ref& r);
  ValueId lower_unary(const ast::UnaryExpr& e);
  ValueId lower_binary(const ast::BinaryExpr& e);
  ValueId lower_compare(Pred p, const ast::Expr& a, const ast::Expr& b);
  ValueId lower_in(const ast::InExpr& e);
  ValueId lower_between(const ast::BetweenExpr& e);
  ValueId lower_has(const ast::HasExpr& e);
  ValueId lower_matches(const ast::MatchesExpr& e);
  ValueId lower_if(const ast::IfExpr& e);
  ValueId lower_call(const ast::CallExpr& e);
  ValueId lower_builtin(const ast::CallExpr& e, sema::Builtin b);
  ValueId lower_def_call(const ast::CallExpr& e, const sema::Ref& r);
  SetOperand lower_set_operand(const ast::Expr& e, uint32_t enum_size);
  // The common operand type of a comparison of a and b (Float if either is).
  VType common_type(const ast::Expr& a, const ast::Expr& b);
  // A value's type as lowered; lowers nothing (sema type based).
  VType static_type(const ast::Expr& e);
  // Guard(arg, v) for every maybe-unknown argument in `guards`.
  ValueId guard_all(const std::vector<ValueId>& guards, ValueId v);

  const sema::SemanticModel& m_;
  Emitter& em_;
  std::unordered_map<const ast::LetItem*, ValueId> lets_;
  std::vector<Frame> frames_;
};

}  // namespace icp::ir
