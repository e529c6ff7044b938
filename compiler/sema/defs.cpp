// Defs: parameter and result types (E0105), duplicate parameters (E0103),
// bodies typed against the declared result (E0201), and recursion, direct or
// mutual (E0206, once per cycle at its first def). Also computes which defs
// read the scoring date, through calls (DefInfo::uses_as_of).
#include <algorithm>
#include <functional>
#include <unordered_map>

#include "icp/rt/name_list.h"
#include "sema/checker.h"
#include "source/deep_stack.h"
#include "sema/expr_checker.h"
#include "sema/lints.h"

namespace icp::sema {
namespace {

void check_body(Checker& c, uint32_t index) {
  DefInfo& d = c.m.defs[index];
  if (!d.decl->body) {
    d.broken = true;
    return;
  }
  ExprEnv env;
  env.file = d.file;
  env.site = ExprSite::Def;
  env.def_index = static_cast<int>(index);
  for (size_t i = 0; i < d.decl->params.size(); ++i) {
    const ast::Param& p = d.decl->params[i];
    env.locals.push_back(Local{&p.name, Ref{RefKind::Param, &p, kNoEnum, static_cast<uint32_t>(i)},
                               i < d.params.size() ? d.params[i] : Type::error()});
  }
  ExprChecker x(c, env);
  Expected ex = d.result.is_error() ? Expected(Type::error()) : Expected(d.result);
  Type t = x.check_in_context(*d.decl->body, ex);
  d.broken = d.broken || t.is_error() || d.result.is_error() ||
             std::any_of(d.params.begin(), d.params.end(), [](Type p) { return p.is_error(); });
  if (!t.is_error() && !d.result.is_error() && !ExprChecker::assignable(t, d.result)) {
    d.broken = true;
    c.diags.emit(diag::DefBodyType, d.decl->body->range, d.name, c.m.type_name(d.result.plain()),
                 c.m.type_name(t.plain()))
        .note(d.decl->result->range, "the result type is declared here");
  }
  lint_if_conditions(c, *d.decl->body);
  c.def_calls[index] = std::move(env.calls);
  d.uses_as_of = env.uses_as_of;
}

// Tarjan's strongly connected components over the call graph.
void check_recursion(Checker& c) {
  const size_t n = c.m.defs.size();
  std::vector<int> idx(n, -1), low(n, 0);
  std::vector<bool> on(n, false);
  std::vector<uint32_t> stack;
  int counter = 0;
  std::function<void(uint32_t)> strong = [&](uint32_t v) {
    idx[v] = low[v] = counter++;
    stack.push_back(v);
    on[v] = true;
    for (const DefCall& call : c.def_calls[v]) {
      uint32_t w = call.callee;
      if (idx[w] < 0) {
        strong(w);
        low[v] = std::min(low[v], low[w]);
      } else if (on[w]) {
        low[v] = std::min(low[v], idx[w]);
      }
    }
    if (low[v] != idx[v]) return;
    std::vector<uint32_t> scc;
    uint32_t w;
    do {
      w = stack.back();
      stack.pop_back();
      on[w] = false;
      scc.push_back(w);
    } while (w != v);
    std::sort(scc.begin(), scc.end());
    uint32_t first = scc.front();
    const DefCall* self = nullptr;
    for (const DefCall& call : c.def_calls[first])
      if (std::binary_search(scc.begin(), scc.end(), call.callee)) { self = &call; break; }
    if (!self) return;  // a single def that does not call itself
    for (uint32_t o : scc) c.m.defs[o].broken = true;
    const DefInfo& d = c.m.defs[first];
    std::vector<std::string> others;
    for (uint32_t o : scc)
      if (o != first) others.push_back("'" + c.m.defs[o].name + "'");
    std::string through = others.empty() ? "" : " through " + rt::name_list(others);
    c.diags.emit(diag::RecursiveDef, d.decl->name.range, d.name, through)
        .note(self->range, "the recursive call")
        .note("defs are pure expressions and may not recurse, directly or mutually");
  };
  for (uint32_t v = 0; v < n; ++v)
    if (idx[v] < 0) strong(v);
}

}  // namespace

void ensure_def_body(Checker& c, uint32_t index) {
  if (c.def_state[index] != EvalState::NotStarted) return;
  if (stack_left() < kStackReserve) {  // a chain of defs, each calling the next
    c.def_state[index] = EvalState::Done;
    c.m.defs[index].broken = true;
    c.diags.emit(diag::ChainTooDeep, c.m.defs[index].decl->name.range, c.m.defs[index].name);
    return;
  }
  c.def_state[index] = EvalState::InProgress;
  check_body(c, index);
  c.def_state[index] = EvalState::Done;
}

void check_def_signatures(Checker& c) {
  for (auto& d : c.m.defs) {
    std::unordered_map<std::string, const ast::Param*> seen;
    for (const auto& p : d.decl->params) {
      d.params.push_back(p.type ? resolve_type(c, d.file, *p.type) : Type::error());
      auto [it, fresh] = seen.emplace(p.name.name, &p);
      if (!fresh && !p.name.empty())
        c.diags.emit(diag::Duplicate, p.name.range, "parameter", p.name.name)
            .note(it->second->name.range, "'{}' is first declared here", p.name.name);
    }
    d.result = d.decl->result ? resolve_type(c, d.file, *d.decl->result) : Type::error();
  }
}

void check_def_bodies(Checker& c) {
  for (uint32_t i = 0; i < c.m.defs.size(); ++i) ensure_def_body(c, i);
  check_recursion(c);
  // uses_as_of through calls, to a fixpoint.
  for (bool changed = true; changed;) {
    changed = false;
    for (uint32_t i = 0; i < c.m.defs.size(); ++i) {
      if (c.m.defs[i].uses_as_of) continue;
      for (const DefCall& call : c.def_calls[i])
        if (c.m.defs[call.callee].uses_as_of) {
          c.m.defs[i].uses_as_of = changed = true;
          break;
        }
    }
  }
}

}  // namespace icp::sema
