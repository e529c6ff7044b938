// Lowering of a profile: fields, lets, rules, groups, the scoring order and
// tiers (see ir.h for the scoring order both engines follow).
#include "ir/lower.h"

#include <variant>

#include "ir/emitter.h"
#include "ir/expr_lowerer.h"
#include "source/deep_stack.h"

namespace icp::ir {

VType vtype_of(const sema::Type& t) {
  using K = sema::TypeKind;
  switch (t.kind) {
    case K::Bool: return VType::Bool;
    case K::Float: return VType::Float;
    case K::String: return VType::Str;
    case K::StringSet:
    case K::EmptySet: return VType::StrSet;
    default: return VType::Int;  // Int, Date, Duration, Enum (and Error)
  }
}

namespace {

class ProfileLowerer {
 public:
  ProfileLowerer(const sema::SemanticModel& m, Function& f) : m_(m), f_(f), em_(f), ex_(m, em_) {}

  void items(const std::vector<ast::ItemPtr>& items, int group) {
    for (const auto& it : items) item(*it, group);
  }

  void tiers() {
    f_.tiers_begin = uint32_t(f_.insts.size());
    for (const ast::TierItem* t : tiers_)
      f_.tiers.push_back(Tier{t->name.name, ex_.lower_as(*t->cond, VType::Bool), t->range});
  }

 private:
  void item(const ast::Item& it, int group) {
    using K = ast::ItemKind;
    switch (it.kind) {
      case K::Let: {
        auto& let = *it.as<ast::LetItem>();
        ex_.bind_let(&let, ex_.lower(*let.value));
        break;
      }
      case K::Exclude: {
        auto& x = *it.as<ast::ExcludeItem>();
        add_rule(Rule{RuleKind::Exclude, x.label.value, group, ex_.lower_as(*x.cond, VType::Bool), kNoValue,
                      x.range, x.doc});
        break;
      }
      case K::Signal: {
        auto& s = *it.as<ast::SignalItem>();
        ValueId cond = ex_.lower_as(*s.cond, VType::Bool);
        ValueId points = ex_.lower_as(*s.points, VType::Float);
        add_rule(Rule{RuleKind::Signal, s.label.value, group, cond, points, s.range, s.doc});
        break;
      }
      case K::Trigger: trigger(*it.as<ast::TriggerItem>(), group); break;
      case K::Tier: tiers_.push_back(it.as<ast::TierItem>()); break;
      case K::Group: {
        auto& g = *it.as<ast::GroupItem>();
        int gi = int(f_.groups.size());
        Group grp{g.label.value};
        if (g.cap) {
          grp.has_cap = true;
          grp.cap = cap_value(*g.cap);
        }
        f_.groups.push_back(grp);
        f_.order.push_back(OrderEntry{true, uint32_t(gi)});
        items(g.items, gi);
        break;
      }
    }
  }

  // cond = (on within D) and when; points decay by pow(0.5, age / H).
  void trigger(const ast::TriggerItem& t, int group) {
    ValueId age = ex_.age_of(ex_.lower(*t.on, VType::Int));
    ValueId cond = ex_.in_window(age, ex_.lower(*t.within, VType::Int));
    if (t.cond) cond = em_.and_(cond, ex_.lower_as(*t.cond, VType::Bool));
    ValueId points = ex_.lower_as(*t.points, VType::Float);
    if (t.halflife) {
      ValueId h = em_.to_float(ex_.lower(*t.halflife, VType::Int));
      ValueId ratio = em_.binary(Op::Div, VType::Float, em_.to_float(age), h);
      ValueId factor = em_.binary(Op::Pow, VType::Float, em_.const_float(0.5), ratio);
      points = em_.binary(Op::Mul, VType::Float, points, factor);
    }
    add_rule(Rule{RuleKind::Trigger, t.label.value, group, cond, points, t.range, t.doc});
  }

  void add_rule(Rule r) {
    bool top_level_scored = r.group < 0 && r.kind != RuleKind::Exclude;
    f_.rules.push_back(std::move(r));
    if (top_level_scored) f_.order.push_back(OrderEntry{false, uint32_t(f_.rules.size() - 1)});
  }

  double cap_value(const ast::Expr& e) {
    if (const sema::ConstValue* c = m_.constant_of(e.id)) {
      if (auto* i = std::get_if<int64_t>(c)) return double(*i);
      if (auto* d = std::get_if<double>(c)) return *d;
    }
    if (auto* i = e.as<ast::IntLit>()) return double(i->value);
    if (auto* d = e.as<ast::FloatLit>()) return d->value;
    ex_.fail(e, "a group cap that is not a constant number");
  }

  const sema::SemanticModel& m_;
  Function& f_;
  Emitter em_;
  ExprLowerer ex_;
  std::vector<const ast::TierItem*> tiers_;
};

}  // namespace

static Function lower_profile_here(const sema::Program& program, const sema::ProfileInfo& profile) {
  const sema::SemanticModel& m = program.model;
  if (!profile.decl || profile.schema < 0 || size_t(profile.schema) >= m.schemas.size())
    throw LowerError("profile '" + profile.name + "' has no schema");
  Function f;
  f.name = profile.name;
  f.persona = profile.decl->persona;
  for (const sema::FieldInfo& fi : m.schemas[profile.schema].fields)
    f.fields.push_back(FieldDesc{fi.name, fi.column, vtype_of(fi.type), fi.type.optional});
  ProfileLowerer pl(m, f);
  pl.items(profile.decl->items, -1);
  pl.tiers();
  return f;
}

// On a deep stack (source/deep_stack.h): defs are inlined recursively, a
// chain of N defs N calls deep.
Function lower_profile(const sema::Program& program, const sema::ProfileInfo& profile) {
  return with_deep_stack([&] { return lower_profile_here(program, profile); });
}

}  // namespace icp::ir
