// The typed intermediate representation of one profile (or persona).
//
// Both back ends (interp/ and codegen/) consume this; neither walks the AST.
// A profile lowers to a straight-line SSA list of instructions: each Inst
// defines value number = its index, and its operands are smaller indices.
// Every value is a pair (payload, known): three-valued logic is explicit in
// the instruction semantics below, so both engines implement the same thing.
// Evaluation is eager and pure: every instruction can be evaluated for every
// row (nothing has side effects; an error such as overflow is "unknown").
//
// Value types: Bool, Int (int64; also dates as days since 1970-01-01,
// durations as days, and enum members as their index), Float (double), Str
// (icp_str) and StrSet (icp_strset). See runtime/include/icp/abi.h.
//
// Semantics. Unless stated otherwise an instruction is unknown when any
// operand is unknown, and otherwise computes its payload.
//   ConstBool/ConstInt/ConstFloat  imm / fimm                 always known
//   ConstStr       strings[extra]                             always known
//   ConstStrSet    str_sets[extra]                            always known
//   Missing        the unknown value of `type`
//   Field          column `extra` of the batch (unknown where not valid)
//   AsOf           the scoring date (Int)                     always known
//   Score, Confidence  the record's total / confidence (Float), only in tier
//                  conditions (index >= Function::tiers_begin)  always known
//   IsKnown(a)     Bool, always known
//   Coalesce(a,b)  a if known, else b
//   Guard(a,b)     unknown if a is unknown, else b (for def parameters of a
//                  plain type: "a call with an unknown argument is unknown")
//   Not(a)         Kleene
//   And(a,b)       false if either is known false; else unknown if either is
//                  unknown; else true
//   Or(a,b)        true if either is known true; else unknown if either is
//                  unknown; else false
//   Select(a,b,c)  unknown if a unknown; else b if a else c
//   IntToFloat(a)
//   Neg, Add, Sub, Mul   on `type` (Int: checked, overflow is unknown;
//                  Float: IEEE, a non-finite result is unknown)
//   Div(a,b)       Float operands and result; non-finite result is unknown
//   Pow(a,b)       Float: std::pow; non-finite result is unknown
//   Cmp(a,b)       Bool; compares operands of type `operand` with `pred`
//                  (Str compares bytes lexicographically)
//   SetHas(a,b)    a: StrSet, b: Str -> Bool: b is an item of a
//   SetHasAny(a,b) StrSet, StrSet -> Bool: some item of b is in a
//   SetHasAll(a,b) StrSet, StrSet -> Bool: every item of b is in a
//   InEnumSet(a)   Int member index -> Bool: bit a of enum_sets[extra]
//   Matches(a)     Str -> Bool: regexes[extra] matches a (partial match, RE2)
//   Call(args)     built-in overload `extra` (CallKind) applied to
//                  call_args[a .. a+b): its runtime function (rt_call.h);
//                  an AsOf overload gets the scoring date as argument 0
//
// Precisions (added by the lowering/interpreter; both engines follow them):
//   Field reads column `extra` (a is kNoValue). Bool payloads are 0/1.
//   A Call is unknown when its runtime function says so (rt_calls.h: a
//   checked function returning 0, or a non-finite float).
//   Str Cmp is icp_rt_str_cmp (bytewise); Float Cmp is C++'s operators.
//   Exclude rules also get a state: TRUE / FALSE / UNKNOWN from their cond;
//   `order` never names an Exclude (they contribute nothing), and the
//   `unknown` output list and confidence count only signals and triggers.
//   A lowered Function never has a Call whose a/b are value ids: a/b of a
//   Call index call_args (so a generic operand walk must special-case Call).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sema/builtins.h"
#include "source/source.h"

namespace icp::ir {

using ValueId = uint32_t;
inline constexpr ValueId kNoValue = ~0u;

enum class VType : uint8_t { Bool, Int, Float, Str, StrSet };

enum class Op : uint8_t {
  ConstBool, ConstInt, ConstFloat, ConstStr, ConstStrSet, Missing,
  Field, AsOf, Score, Confidence,
  IsKnown, Coalesce, Guard,
  Not, And, Or, Select,
  IntToFloat, Neg, Add, Sub, Mul, Div, Pow,
  Cmp,
  SetHas, SetHasAny, SetHasAll, InEnumSet, Matches,
  Call,
};

enum class Pred : uint8_t { Eq, Ne, Lt, Le, Gt, Ge };

// Built-ins reached through Op::Call: one kind per overload of
// sema/builtins.def, whose argument and result types it fixes (the suffix
// I/F of min/max/abs/clamp is the int or float overload the checker chose).
// Each is computed by the runtime function the registry names (rt_call.h).
using CallKind = sema::BuiltinCall;
inline constexpr size_t kCallKindCount = sema::kBuiltinCallCount;

struct Inst {
  Op op;
  VType type;              // the result type
  VType operand = VType::Int;  // Cmp: the operands' type
  Pred pred = Pred::Eq;    // Cmp
  ValueId a = kNoValue, b = kNoValue, c = kNoValue;
  uint32_t extra = 0;      // table index / CallKind / field index
  int64_t imm = 0;
  double fimm = 0;
  bool may_be_unknown = true;  // false when the checker proved it always known
};

enum class RuleKind : uint8_t { Exclude, Signal, Trigger };

struct Rule {
  RuleKind kind;
  std::string label;
  int group = -1;           // index in Function::groups, -1 at profile level
  ValueId cond = kNoValue;  // Bool; for a trigger: `within` and its `when`
  ValueId points = kNoValue;  // Float (after decay); kNoValue for Exclude
  SourceRange range;
  std::string doc;
};

struct Group {
  std::string label;
  bool has_cap = false;
  double cap = 0;
};

struct Tier {
  std::string name;
  ValueId cond = kNoValue;
  SourceRange range;
};

// How a record is scored (LANGUAGE.md section 6), in exactly this order so
// both engines agree to the last bit:
//   1. every rule's cond and points are evaluated (eagerly);
//   2. rule k contributes points iff cond is known true and points known,
//      else 0; state is TRUE / FALSE / UNKNOWN (cond true but points
//      unknown is UNKNOWN);
//   3. score = 0.0; then for each entry of `order` in sequence: a top-level
//      rule adds its contribution; a group adds its subtotal, where the
//      subtotal starts at 0.0 and adds its rules' contributions in source
//      order, and a capped group adds min(subtotal, cap);
//   4. confidence = (#signals and triggers not UNKNOWN) / (#signals and
//      triggers), 1.0 when there are none;
//   5. tier = EXCLUDED if any Exclude is TRUE; else the first tier whose cond
//      is known true; else OUT.
struct OrderEntry {
  bool is_group;
  uint32_t index;  // rule index or group index
};

struct FieldDesc {
  std::string name;
  std::string column;
  VType type;
  bool optional;
};

struct Function {
  std::string name;
  bool persona = false;
  std::vector<FieldDesc> fields;  // the schema, in order (batch column order)
  std::vector<Inst> insts;
  uint32_t tiers_begin = 0;  // first instruction that may use Score/Confidence
  std::vector<Rule> rules;   // source order
  std::vector<Group> groups;
  std::vector<OrderEntry> order;
  std::vector<Tier> tiers;

  // Tables referenced by Inst::extra.
  std::vector<std::string> strings;
  std::vector<std::vector<std::string>> str_sets;   // each sorted bytewise, unique
  std::vector<std::vector<bool>> enum_sets;         // membership by member index
  std::vector<std::string> regexes;                 // RE2 patterns
  std::vector<ValueId> call_args;

  ValueId add(Inst i) {
    insts.push_back(i);
    return static_cast<ValueId>(insts.size() - 1);
  }
};

// A readable listing, for tests and `icp build --emit ir`.
std::string print(const Function& f);

}  // namespace icp::ir
