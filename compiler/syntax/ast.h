// The ICP abstract syntax tree.
//
// This is the compiler's own tree: nothing outside syntax/ sees ANTLR types.
// Every node has a NodeId (unique within one Program, so semantic facts live
// in side tables keyed by it; see sema/semantic_model.h) and a SourceRange.
// Nodes are owned by their parent through unique_ptr; a Module owns its
// top-level declarations. Kinds are plain enums with `as<T>()` helpers in
// the style of LLVM's isa/dyn_cast.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "source/source.h"

namespace icp::ast {

using NodeId = uint32_t;
inline constexpr NodeId kNoNode = ~0u;

// Hands out NodeIds; one per Program so ids never collide across files.
class NodeIdAllocator {
 public:
  NodeId next() { return next_++; }
  NodeId count() const { return next_; }

 private:
  NodeId next_ = 0;
};

struct Node {
  NodeId id = kNoNode;
  SourceRange range;
};

// A name as written, with its own range (for diagnostics, hover, rename).
struct Ident {
  std::string name;
  SourceRange range;
  bool empty() const { return name.empty(); }
};

// A string literal used as a label or path: its decoded value and range.
struct Label {
  std::string value;
  SourceRange range;
};

// ---------------------------------------------------------------------------
// Types as written: `int`, `Industry?`, `set<string>`.
struct TypeRef : Node {
  Ident name;                       // "int", "float", "bool", "string", "date",
                                    // "duration", "set", or a user (enum) name
  std::unique_ptr<TypeRef> element;  // for set<T>
  bool optional = false;            // trailing `?`
};

// ---------------------------------------------------------------------------
// Expressions.
enum class ExprKind : uint8_t {
  IntLit, FloatLit, StringLit, BoolLit, DateLit, DurationLit, MissingLit,
  Name,       // bare identifier: field, let, const, parameter or enum member
  Qualified,  // Enum.member
  Special,    // score, confidence, as_of
  Call, Unary, Binary, In, Between, Has, Matches, Within, IsMissing, If, SetLit,
  Error,      // placeholder where the parser recovered; never diagnosed again
};

struct Expr : Node {
  explicit Expr(ExprKind k) : kind(k) {}
  virtual ~Expr() = default;
  const ExprKind kind;

  template <typename T> T* as() { return kind == T::kKind ? static_cast<T*>(this) : nullptr; }
  template <typename T> const T* as() const {
    return kind == T::kKind ? static_cast<const T*>(this) : nullptr;
  }
};
using ExprPtr = std::unique_ptr<Expr>;

template <ExprKind K> struct ExprOf : Expr {
  static constexpr ExprKind kKind = K;
  ExprOf() : Expr(K) {}
};

struct IntLit : ExprOf<ExprKind::IntLit> {
  int64_t value = 0;
  std::string text;  // as written: "1_200", "50M"
};
struct FloatLit : ExprOf<ExprKind::FloatLit> {
  double value = 0;
  bool percent = false;  // written as `15%`
  std::string text;
};
struct StringLit : ExprOf<ExprKind::StringLit> {
  std::string value;  // decoded
  bool raw = false;   // r"..." or r#"..."#
  std::string text;   // as written, quotes included
};
struct BoolLit : ExprOf<ExprKind::BoolLit> { bool value = false; };
struct DateLit : ExprOf<ExprKind::DateLit> {
  int32_t days = 0;  // days since 1970-01-01
  int year = 0, month = 0, day = 0;
};
struct DurationLit : ExprOf<ExprKind::DurationLit> {
  int64_t days = 0;
  std::string text;  // "90d", "3mo"
};
struct MissingLit : ExprOf<ExprKind::MissingLit> {};

struct NameExpr : ExprOf<ExprKind::Name> { Ident name; };
struct QualifiedExpr : ExprOf<ExprKind::Qualified> {
  Ident enum_name;
  Ident member;
};
enum class SpecialName : uint8_t { Score, Confidence, AsOf };
struct SpecialExpr : ExprOf<ExprKind::Special> { SpecialName which = SpecialName::Score; };

struct CallExpr : ExprOf<ExprKind::Call> {
  Ident callee;
  std::vector<ExprPtr> args;
};

enum class UnaryOp : uint8_t { Neg, Plus, Not };
struct UnaryExpr : ExprOf<ExprKind::Unary> {
  UnaryOp op = UnaryOp::Neg;
  ExprPtr operand;
};

enum class BinaryOp : uint8_t {
  Or, And,
  Eq, Ne, Lt, Le, Gt, Ge,
  Coalesce,  // ??
  Add, Sub, Mul, Div,
};
// The operator as written in source: "or", "==", "??", "+", ...
inline const char* spelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::Or: return "or";
    case BinaryOp::And: return "and";
    case BinaryOp::Eq: return "==";
    case BinaryOp::Ne: return "!=";
    case BinaryOp::Lt: return "<";
    case BinaryOp::Le: return "<=";
    case BinaryOp::Gt: return ">";
    case BinaryOp::Ge: return ">=";
    case BinaryOp::Coalesce: return "??";
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
  }
  return "?";
}

struct BinaryExpr : ExprOf<ExprKind::Binary> {
  BinaryOp op = BinaryOp::Add;
  SourceRange op_range;  // the operator token
  ExprPtr lhs, rhs;
};

struct InExpr : ExprOf<ExprKind::In> {  // x [not] in set
  bool negated = false;
  ExprPtr value, set;
};
struct BetweenExpr : ExprOf<ExprKind::Between> {  // x [not] between lo and hi
  bool negated = false;
  ExprPtr value, lo, hi;
};
enum class HasMode : uint8_t { One, Any, All };
struct HasExpr : ExprOf<ExprKind::Has> {  // s has x | s has any S | s has all S
  HasMode mode = HasMode::One;
  ExprPtr set, operand;
};
struct MatchesExpr : ExprOf<ExprKind::Matches> {
  ExprPtr value, pattern;
};
struct WithinExpr : ExprOf<ExprKind::Within> {  // d within 90d
  ExprPtr date, window;
};
struct IsMissingExpr : ExprOf<ExprKind::IsMissing> {  // x is missing | x is present
  bool present = false;
  ExprPtr value;
};
struct IfExpr : ExprOf<ExprKind::If> {
  ExprPtr cond, then_expr, else_expr;
};
struct SetLit : ExprOf<ExprKind::SetLit> {
  std::vector<ExprPtr> elements;
};
struct ErrorExpr : ExprOf<ExprKind::Error> {};

// ---------------------------------------------------------------------------
// Profile items.
enum class ItemKind : uint8_t { Let, Exclude, Signal, Trigger, Tier, Group };

struct Item : Node {
  explicit Item(ItemKind k) : kind(k) {}
  virtual ~Item() = default;
  const ItemKind kind;
  std::string doc;  // `///` lines directly before, without the slashes

  template <typename T> T* as() { return kind == T::kKind ? static_cast<T*>(this) : nullptr; }
  template <typename T> const T* as() const {
    return kind == T::kKind ? static_cast<const T*>(this) : nullptr;
  }
};
using ItemPtr = std::unique_ptr<Item>;

template <ItemKind K> struct ItemOf : Item {
  static constexpr ItemKind kKind = K;
  ItemOf() : Item(K) {}
};

struct LetItem : ItemOf<ItemKind::Let> {
  Ident name;
  ExprPtr value;
};
struct ExcludeItem : ItemOf<ItemKind::Exclude> {
  Label label;
  ExprPtr cond;
};
struct SignalItem : ItemOf<ItemKind::Signal> {
  Label label;
  ExprPtr cond;
  ExprPtr points;
};
struct TriggerItem : ItemOf<ItemKind::Trigger> {
  Label label;
  ExprPtr on;        // the date
  ExprPtr within;    // the window (duration literal or const)
  ExprPtr cond;      // optional `when`
  ExprPtr points;
  ExprPtr halflife;  // optional
};
struct TierItem : ItemOf<ItemKind::Tier> {
  Ident name;
  ExprPtr cond;
};
struct GroupItem : ItemOf<ItemKind::Group> {
  Label label;
  ExprPtr cap;  // optional
  std::vector<ItemPtr> items;
};

// ---------------------------------------------------------------------------
// Tests.
enum class CmpOp : uint8_t { Eq, Ne, Lt, Le, Gt, Ge };

enum class ExpectKind : uint8_t {
  Tier,        // expect tier ==|!= name
  Score,       // expect score <cmp> number
  Confidence,  // expect confidence <cmp> number
  Fired,       // expect [not] fired "label"
  Points,      // expect points "label" <cmp> number
  Unknown,     // expect [not] unknown "label"
  ExcludedBy,  // expect [not] excluded_by "label"
  Excluded,    // expect [not] excluded
};
struct Expect : Node {
  ExpectKind kind = ExpectKind::Tier;
  bool negated = false;
  CmpOp op = CmpOp::Eq;
  Ident tier;     // Tier
  Label label;    // Fired, Points, Unknown, ExcludedBy
  ExprPtr value;  // Score, Confidence, Points
};

struct GivenField : Node {
  Ident name;
  ExprPtr value;
};

// ---------------------------------------------------------------------------
// Top-level declarations.
enum class DeclKind : uint8_t { Import, Enum, Schema, Const, Def, Profile, Test };

struct Decl : Node {
  explicit Decl(DeclKind k) : kind(k) {}
  virtual ~Decl() = default;
  const DeclKind kind;
  std::string doc;

  template <typename T> T* as() { return kind == T::kKind ? static_cast<T*>(this) : nullptr; }
  template <typename T> const T* as() const {
    return kind == T::kKind ? static_cast<const T*>(this) : nullptr;
  }
};
using DeclPtr = std::unique_ptr<Decl>;

template <DeclKind K> struct DeclOf : Decl {
  static constexpr DeclKind kKind = K;
  DeclOf() : Decl(K) {}
};

struct ImportDecl : DeclOf<DeclKind::Import> { Label path; };

struct EnumMember : Node {
  Ident name;
  std::vector<Label> aliases;
  bool is_default = false;
  std::string doc;
};
struct EnumDecl : DeclOf<DeclKind::Enum> {
  Ident name;
  std::vector<EnumMember> members;
};

struct SchemaField : Node {
  Ident name;
  std::unique_ptr<TypeRef> type;
  std::optional<Ident> key;  // the word `key` of `name: Type key`
  ExprPtr default_value;         // `= literal`, optional
  std::optional<Label> from;     // `from "Column"`
  std::string doc;
};
struct SchemaDecl : DeclOf<DeclKind::Schema> {
  Ident name;
  std::vector<SchemaField> fields;
};

struct ConstDecl : DeclOf<DeclKind::Const> {
  Ident name;
  ExprPtr value;
};

struct Param : Node {
  Ident name;
  std::unique_ptr<TypeRef> type;
};
struct DefDecl : DeclOf<DeclKind::Def> {
  Ident name;
  std::vector<Param> params;
  std::unique_ptr<TypeRef> result;
  ExprPtr body;
};

struct ProfileDecl : DeclOf<DeclKind::Profile> {
  bool persona = false;  // `persona` instead of `profile`
  Ident name;
  Ident schema;
  std::vector<ItemPtr> items;
};

struct TestDecl : DeclOf<DeclKind::Test> {
  Label label;
  bool persona = false;              // `persona Name` instead of `profile Name`
  Ident profile;                     // empty if the test names none
  ExprPtr as_of;                     // DateLit, optional
  std::optional<SourceRange> given_range;  // the `given { ... }` block, if any
  std::vector<GivenField> given;
  std::vector<Expect> expects;
};

// ---------------------------------------------------------------------------
// A comment as written, kept for the formatter and for doc lookup.
struct Comment {
  enum Kind : uint8_t { Line, Block, Doc } kind = Line;
  std::string text;  // including the `//`, `///` or `/* */`
  SourceRange range;
};

// One parsed file.
struct Module {
  FileId file = kNoFile;
  std::string doc;  // `///` lines before the first declaration
  std::vector<DeclPtr> decls;
  std::vector<Comment> comments;  // every comment, in source order
  // Profile items (not groups) that had a syntax error: their expressions
  // are what error recovery guessed, so only the syntax error is reported
  // for them (sema/quiet_recovered.cpp).
  std::vector<SourceRange> recovered;
  // The label or name of each statement that error recovery skipped whole
  // (`signl "Big" when ...`): the syntax error is the news, so a test that
  // names it says nothing more (sema/check_tests.cpp).
  std::vector<std::string> lost_names;
};

}  // namespace icp::ast
