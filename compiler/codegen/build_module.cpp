// ir::Function -> one LLVM function that scores a whole batch:
//
//   void icp_score_<name>(const icp_batch_view* in, int64_t as_of,
//                         const icp_result_view* out, icp_rt_ctx* ctx)
//
// A loop over rows; inside, the IR's straight-line SSA list becomes LLVM SSA
// where every IR value is a pair (payload, known i1) (strings and sets have
// a two-part payload: pointer and length). The three-valued semantics are
// exactly those written at the top of ir/ir.h; the scoring tail follows the
// order documented at ir::OrderEntry. Non-trivial operations call the
// functions of icp/rt_calls.h (the interpreter calls the same ones), and a
// call is made only when its operands are known. Integer arithmetic uses
// llvm.s*.with.overflow; floats use plain IEEE instructions with no
// fast-math flags, so results agree with the interpreter to the last bit.
#include <llvm/IR/Constants.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Intrinsics.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Support/raw_ostream.h>

#include <cstdint>
#include <map>
#include <stdexcept>

#include "codegen/codegen_internal.h"
#include "codegen/demand.h"
#include "codegen/jit.h"
#include "ir/rt_call.h"

namespace icp::codegen {

std::string score_symbol(const ir::Function& f) { return "icp_score_" + f.name; }

namespace {

using namespace llvm;
using ir::Op;
using ir::VType;

// One IR value: payload (p, and p2 = length for Str / StrSet) and known.
struct Val {
  Value* p = nullptr;
  Value* p2 = nullptr;
  Value* k = nullptr;
};

class FnBuilder {
 public:
  FnBuilder(Module& m, const ir::Function& f)
      : f_(f), m_(m), C(m.getContext()), b_(C) {
    i1 = Type::getInt1Ty(C);
    i8 = Type::getInt8Ty(C);
    i32 = Type::getInt32Ty(C);
    i64 = Type::getInt64Ty(C);
    dbl = Type::getDoubleTy(C);
    ptr = PointerType::getUnqual(C);
    strT = StructType::get(C, {ptr, i64});  // icp_str and icp_strset
    colT = StructType::get(C, {ptr, ptr, ptr, ptr, i32});
    batchT = StructType::get(C, {i64, ptr});
    resT = StructType::get(C, {i64, ptr, ptr, ptr, ptr, ptr});
  }

  void build();

 private:
  // ---- helpers -------------------------------------------------------
  Value* kTrue() { return b_.getTrue(); }
  Value* kFalse() { return b_.getFalse(); }
  Value* and1(Value* a, Value* b) { return b_.CreateAnd(a, b); }
  Value* zeroOf(VType t) {
    switch (t) {
      case VType::Bool: return b_.getFalse();
      case VType::Int: return b_.getInt64(0);
      case VType::Float: return ConstantFP::get(dbl, 0.0);
      case VType::Str:
      case VType::StrSet: return ConstantPointerNull::get(ptr);
    }
    return nullptr;
  }
  static bool two_part(VType t) { return t == VType::Str || t == VType::StrSet; }

  Value* finite(Value* x) {
    Value* ax = b_.CreateUnaryIntrinsic(Intrinsic::fabs, x);
    return b_.CreateFCmpOLT(ax, ConstantFP::getInfinity(dbl));
  }

  AllocaInst* entryAlloca(Type* t) {
    IRBuilder<> eb(entry_, entry_->begin());
    return eb.CreateAlloca(t);
  }
  // A temporary icp_str / icp_strset holding v, for passing by pointer.
  Value* spill(const Val& v) {
    AllocaInst* a = entryAlloca(strT);
    b_.CreateStore(v.p, b_.CreateStructGEP(strT, a, 0));
    b_.CreateStore(v.p2, b_.CreateStructGEP(strT, a, 1));
    return a;
  }
  Val loadPair(Value* p) {
    return {b_.CreateLoad(ptr, b_.CreateStructGEP(strT, p, 0)),
            b_.CreateLoad(i64, b_.CreateStructGEP(strT, p, 1)), nullptr};
  }

  // Emits `if (known) body()` and merges with zero payloads / known false.
  // body() returns payload parts and optionally its own known flag.
  template <class F>
  Val guarded(Value* known, F body) {
    if (auto* c = dyn_cast<ConstantInt>(known); c && c->isOne()) {
      Val v = body();
      if (!v.k) v.k = kTrue();
      return v;
    }
    BasicBlock* from = b_.GetInsertBlock();
    BasicBlock* then = BasicBlock::Create(C, "rt", fn_);
    BasicBlock* join = BasicBlock::Create(C, "rt.join", fn_);
    b_.CreateCondBr(known, then, join);
    b_.SetInsertPoint(then);
    Val v = body();
    if (!v.k) v.k = kTrue();
    BasicBlock* then_end = b_.GetInsertBlock();
    b_.CreateBr(join);
    b_.SetInsertPoint(join);
    auto phi = [&](Value* x) -> Value* {
      if (!x) return nullptr;
      PHINode* p = b_.CreatePHI(x->getType(), 2);
      p->addIncoming(x, then_end);
      p->addIncoming(Constant::getNullValue(x->getType()), from);
      return p;
    };
    return {phi(v.p), phi(v.p2), phi(v.k)};
  }

  FunctionCallee rt(const char* name, Type* ret, ArrayRef<Type*> args, bool pure = false) {
    FunctionCallee fc = m_.getOrInsertFunction(name, FunctionType::get(ret, args, false));
    if (auto* fn = dyn_cast<Function>(fc.getCallee())) {
      fn->addFnAttr(Attribute::NoUnwind);
      fn->addFnAttr(Attribute::WillReturn);
      if (pure) fn->setDoesNotAccessMemory();
    }
    return fc;
  }
  Value* i32ToBool(Value* v) { return b_.CreateICmpNE(v, b_.getInt32(0)); }

  Value* constStr(uint32_t idx);
  Value* constSet(uint32_t idx);
  Value* strGlobal(const std::string& s);

  Val emitInst(const ir::Inst& in);
  Val emitField(const ir::Inst& in);
  Val emitArith(const ir::Inst& in);
  Val emitCmp(const ir::Inst& in);
  Val emitCall(const ir::Inst& in);
  template <class Fn>
  Val emitRtCall(const char* name, const std::vector<Val>& args, Value* known);
  Val emitNum2(ir::CallKind k, const Val& a, const Val& b);
  void emitTail();
  Val lazyPoints(size_t k, Value* ctrue);
  Value* inlineSetHas(const Val& set, const std::string& s);

  const Val& v(ir::ValueId id) {
    if (id >= vals_.size() || !vals_[id].p)
      throw std::runtime_error("IR operand %" + std::to_string(id) + " out of order");
    return vals_[id];
  }

  const ir::Function& f_;
  Module& m_;
  LLVMContext& C;
  IRBuilder<> b_;
  Type *i1, *i8, *i32, *i64, *dbl;
  PointerType* ptr;
  StructType *strT, *colT, *batchT, *resT;

  Function* fn_ = nullptr;
  BasicBlock* entry_ = nullptr;
  Value* ctx_ = nullptr;
  Value* asof_ = nullptr;
  Value* row_ = nullptr;
  Value* score_ = nullptr;
  Value* conf_ = nullptr;
  std::vector<Value*> col_valid_, col_data_;
  std::vector<Val> vals_;
  std::vector<int32_t> demand_;
  std::vector<Value*> contrib_;
  std::vector<Value*> states_;
  std::map<uint32_t, Value*> str_globals_, set_globals_;
  std::map<std::string, Value*> lit_globals_;
  Value *out_score_ = nullptr, *out_tier_ = nullptr, *out_conf_ = nullptr, *out_state_ = nullptr,
        *out_points_ = nullptr;
};

Value* FnBuilder::strGlobal(const std::string& s) {
  Constant* data = ConstantDataArray::getString(C, s, /*AddNull=*/false);
  auto* g = new GlobalVariable(m_, data->getType(), true, GlobalValue::PrivateLinkage, data,
                               ".icp.str");
  g->setUnnamedAddr(GlobalValue::UnnamedAddr::Global);
  g->setAlignment(Align(1));
  return g;
}

Value* FnBuilder::constStr(uint32_t idx) {
  auto it = str_globals_.find(idx);
  if (it != str_globals_.end()) return it->second;
  return str_globals_[idx] = strGlobal(f_.strings.at(idx));
}

Value* FnBuilder::constSet(uint32_t idx) {
  auto it = set_globals_.find(idx);
  if (it != set_globals_.end()) return it->second;
  const auto& items = f_.str_sets.at(idx);
  std::vector<Constant*> elems;
  for (const auto& s : items)
    elems.push_back(ConstantStruct::get(strT, {cast<Constant>(strGlobal(s)),
                                               ConstantInt::get(i64, s.size())}));
  auto* at = ArrayType::get(strT, elems.size());
  auto* g = new GlobalVariable(m_, at, true, GlobalValue::PrivateLinkage,
                               ConstantArray::get(at, elems), ".icp.set");
  g->setUnnamedAddr(GlobalValue::UnnamedAddr::Global);
  return set_globals_[idx] = g;
}

Val FnBuilder::emitField(const ir::Inst& in) {
  // The field index is `extra` (as the lowering and the interpreter use it).
  uint32_t fi = in.extra;
  if (fi >= f_.fields.size()) throw std::runtime_error("Field index out of range");
  Value* vp = b_.CreateGEP(i8, col_valid_[fi], row_);
  Value* known = b_.CreateICmpNE(b_.CreateLoad(i8, vp), b_.getInt8(0));
  Value* data = col_data_[fi];
  switch (in.type) {
    case VType::Bool: {
      Value* x = b_.CreateLoad(i64, b_.CreateGEP(i64, data, row_));
      return {b_.CreateICmpNE(x, b_.getInt64(0)), nullptr, known};
    }
    case VType::Int:
      return {b_.CreateLoad(i64, b_.CreateGEP(i64, data, row_)), nullptr, known};
    case VType::Float: {
      Value* x = b_.CreateLoad(dbl, b_.CreateGEP(dbl, data, row_));
      return {x, nullptr, and1(known, finite(x))};  // non-finite input is unknown
    }
    case VType::Str:
    case VType::StrSet: {
      Val x = loadPair(b_.CreateGEP(strT, data, row_));
      x.k = known;
      return x;
    }
  }
  return {};
}

Val FnBuilder::emitArith(const ir::Inst& in) {
  const Val& a = v(in.a);
  bool unary = in.op == Op::Neg;
  Val bz;
  if (unary) {
    bz = {in.type == VType::Int ? static_cast<Value*>(b_.getInt64(0)) : nullptr, nullptr, kTrue()};
  }
  const Val& b = unary ? bz : v(in.b);
  Value* known = unary ? a.k : and1(a.k, b.k);
  if (in.type == VType::Int) {
    // Neg, Add, Sub or Mul (emitInst sends only these here).
    Intrinsic::ID id = Intrinsic::sadd_with_overflow;
    Value *x = a.p, *y = b.p;
    if (in.op == Op::Sub) id = Intrinsic::ssub_with_overflow;
    else if (in.op == Op::Mul) id = Intrinsic::smul_with_overflow;
    else if (in.op == Op::Neg) id = Intrinsic::ssub_with_overflow, x = b_.getInt64(0), y = a.p;
    else if (in.op != Op::Add) throw std::runtime_error("bad int arithmetic");
    Value* r = b_.CreateBinaryIntrinsic(id, x, y);
    Value* ov = b_.CreateExtractValue(r, 1);
    return {b_.CreateExtractValue(r, 0), nullptr, and1(known, b_.CreateNot(ov))};
  }
  Value* r = in.op == Op::Add   ? b_.CreateFAdd(a.p, b.p)
             : in.op == Op::Sub ? b_.CreateFSub(a.p, b.p)
             : in.op == Op::Mul ? b_.CreateFMul(a.p, b.p)
             : in.op == Op::Div ? b_.CreateFDiv(a.p, b.p)
             : in.op == Op::Neg ? b_.CreateFNeg(a.p)
                                : throw std::runtime_error("bad float arithmetic");
  return {r, nullptr, and1(known, finite(r))};
}

Val FnBuilder::emitCmp(const ir::Inst& in) {
  const Val& a = v(in.a);
  const Val& b = v(in.b);
  Value* known = and1(a.k, b.k);
  using P = CmpInst::Predicate;
  auto ipred = [&](bool is_signed) -> P {
    switch (in.pred) {
      case ir::Pred::Eq: return P::ICMP_EQ;
      case ir::Pred::Ne: return P::ICMP_NE;
      case ir::Pred::Lt: return is_signed ? P::ICMP_SLT : P::ICMP_ULT;
      case ir::Pred::Le: return is_signed ? P::ICMP_SLE : P::ICMP_ULE;
      case ir::Pred::Gt: return is_signed ? P::ICMP_SGT : P::ICMP_UGT;
      case ir::Pred::Ge: return is_signed ? P::ICMP_SGE : P::ICMP_UGE;
    }
    return P::ICMP_EQ;
  };
  switch (in.operand) {
    case VType::Bool: return {b_.CreateICmp(ipred(false), a.p, b.p), nullptr, known};
    case VType::Int: return {b_.CreateICmp(ipred(true), a.p, b.p), nullptr, known};
    case VType::Float: {
      // As C++'s == != < <= > >= on doubles (!= is unordered-or-not-equal).
      P p = P::FCMP_OEQ;
      switch (in.pred) {
        case ir::Pred::Eq: p = P::FCMP_OEQ; break;
        case ir::Pred::Ne: p = P::FCMP_UNE; break;
        case ir::Pred::Lt: p = P::FCMP_OLT; break;
        case ir::Pred::Le: p = P::FCMP_OLE; break;
        case ir::Pred::Gt: p = P::FCMP_OGT; break;
        case ir::Pred::Ge: p = P::FCMP_OGE; break;
      }
      return {b_.CreateFCmp(p, a.p, b.p), nullptr, known};
    }
    case VType::Str: {
      auto fn = rt("icp_rt_str_cmp", i32, {ptr, ptr});
      return guarded(known, [&]() -> Val {
        Value* r = b_.CreateCall(fn, {spill(a), spill(b)});
        return {b_.CreateICmp(ipred(true), r, b_.getInt32(0)), nullptr, nullptr};
      });
    }
    case VType::StrSet: throw std::runtime_error("Cmp on sets");
  }
  return {};
}

Val FnBuilder::emitNum2(ir::CallKind k, const Val& a, const Val& b) {
  using K = ir::CallKind;
  Value* known = and1(a.k, b.k);
  bool flt = k == K::MinF || k == K::MaxF;
  // std::min(a, b) = b < a ? b : a;  std::max(a, b) = a < b ? b : a.
  Value* lt = (k == K::MinI || k == K::MinF)
                  ? (flt ? b_.CreateFCmpOLT(b.p, a.p) : b_.CreateICmpSLT(b.p, a.p))
                  : (flt ? b_.CreateFCmpOLT(a.p, b.p) : b_.CreateICmpSLT(a.p, b.p));
  return {b_.CreateSelect(lt, b.p, a.p), nullptr, known};
}

// A call of the runtime function of a built-in overload (ir/rt_call.h reads
// its C signature), made only when every argument is known.
template <class Fn>
Val FnBuilder::emitRtCall(const char* name, const std::vector<Val>& args, Value* known) {
  using S = ir::RtSig<Fn>;
  using R = typename S::Ret;
  using ir::RtKind;
  std::vector<Type*> params;
  bool pure = true;
  for (RtKind k : S::params) {
    params.push_back(k == RtKind::Int ? i64 : k == RtKind::Float ? static_cast<Type*>(dbl) : ptr);
    pure = pure && (k == RtKind::Int || k == RtKind::Float);
  }
  Type* ret = std::is_void_v<R> ? b_.getVoidTy()
              : std::is_same_v<R, int32_t> ? i32
              : std::is_same_v<R, int64_t> ? i64
                                           : static_cast<Type*>(dbl);
  auto fn = rt(name, ret, params, pure);
  if (args.size() != S::inputs()) throw std::runtime_error(std::string("wrong argument count for ") + name);
  return guarded(known, [&]() -> Val {
    std::vector<Value*> cargs;
    Value* out = nullptr;
    size_t next = 0;
    for (RtKind k : S::params) {
      switch (k) {
        case RtKind::Ctx: cargs.push_back(ctx_); break;
        case RtKind::Int: case RtKind::Float: cargs.push_back(args[next++].p); break;
        case RtKind::Str: case RtKind::StrSet: cargs.push_back(spill(args[next++])); break;
        case RtKind::OutInt: cargs.push_back(out = entryAlloca(i64)); break;
        case RtKind::OutFloat: cargs.push_back(out = entryAlloca(dbl)); break;
        case RtKind::OutStr: case RtKind::OutStrSet: cargs.push_back(out = entryAlloca(strT)); break;
        case RtKind::Other: throw std::runtime_error(std::string("unsupported signature of ") + name);
      }
    }
    Value* r = b_.CreateCall(fn, cargs);
    if (!out) {
      if constexpr (std::is_same_v<R, int32_t>) return {i32ToBool(r)};
      else if constexpr (std::is_same_v<R, double>) return {r, nullptr, finite(r)};
      else return {r};
    }
    Val v;
    switch (S::result()) {
      case ir::RtResult::Int: v.p = b_.CreateLoad(i64, out); break;
      case ir::RtResult::Float: v.p = b_.CreateLoad(dbl, out); v.k = finite(v.p); break;
      case ir::RtResult::Bool: case ir::RtResult::Str: case ir::RtResult::StrSet: v = loadPair(out); break;
    }
    if constexpr (std::is_same_v<R, int32_t>) v.k = v.k ? and1(i32ToBool(r), v.k) : i32ToBool(r);
    return v;
  });
}

Val FnBuilder::emitCall(const ir::Inst& in) {
  using K = ir::CallKind;
  std::vector<Val> args;
  for (uint32_t i = 0; i < in.b; ++i) args.push_back(v(f_.call_args.at(in.a + i)));
  auto arg = [&](size_t i) -> const Val& {
    if (i >= args.size()) throw std::runtime_error("too few call arguments");
    return args[i];
  };
  Value* known = kTrue();
  for (const auto& x : args) known = and1(known, x.k);
  if (in.extra >= ir::kCallKindCount) throw std::runtime_error("unknown CallKind " + std::to_string(in.extra));
  auto k = static_cast<K>(in.extra);
  // Inline: the expressions of their runtime functions (icp/rt_calls.h),
  // too small to be worth a call; builtins_agree compares them.
  switch (k) {
    case K::MinI: case K::MaxI: case K::MinF: case K::MaxF:
      return emitNum2(k, arg(0), arg(1));
    case K::ClampI:
    case K::ClampF: {
      // clamp(x, lo, hi) = min(max(x, lo), hi)
      bool flt = k == K::ClampF;
      Val mx = emitNum2(flt ? K::MaxF : K::MaxI, arg(0), arg(1));
      Val r = emitNum2(flt ? K::MinF : K::MinI, mx, arg(2));
      r.k = known;
      return r;
    }
    case K::AbsI: {
      Value* x = arg(0).p;
      Value* neg = b_.CreateICmpSLT(x, b_.getInt64(0));
      Value* ok = b_.CreateICmpNE(x, b_.getInt64(INT64_MIN));
      return {b_.CreateSelect(neg, b_.CreateNeg(x), x), nullptr, and1(known, ok)};
    }
    case K::AbsF:
      return {b_.CreateUnaryIntrinsic(Intrinsic::fabs, arg(0).p), nullptr, known};
    case K::DaysSince: {  // as_of - d, unknown on overflow
      Value* r = b_.CreateBinaryIntrinsic(Intrinsic::ssub_with_overflow, arg(0).p, arg(1).p);
      return {b_.CreateExtractValue(r, 0), nullptr, and1(known, b_.CreateNot(b_.CreateExtractValue(r, 1)))};
    }
    case K::Lower: case K::LowerSet: case K::Upper: case K::Trim: case K::Len: case K::StartsWith:
    case K::EndsWith: case K::Contains: case K::Domain: case K::Count: case K::Year: case K::Month:
    case K::Round: case K::Log: case K::Decay:
      break;
  }
  return ir::visit_rt_function(k, [&](auto fn, const char* name) {
    return emitRtCall<decltype(fn)>(name, args, known);
  });
}

Val FnBuilder::emitInst(const ir::Inst& in) {
  switch (in.op) {
    case Op::ConstBool: return {b_.getInt1(in.imm != 0), nullptr, kTrue()};
    case Op::ConstInt: return {b_.getInt64(static_cast<uint64_t>(in.imm)), nullptr, kTrue()};
    case Op::ConstFloat: return {ConstantFP::get(dbl, in.fimm), nullptr, kTrue()};
    case Op::ConstStr:
      return {constStr(in.extra), b_.getInt64(f_.strings.at(in.extra).size()), kTrue()};
    case Op::ConstStrSet:
      return {constSet(in.extra), b_.getInt64(f_.str_sets.at(in.extra).size()), kTrue()};
    case Op::Missing:
      return {zeroOf(in.type), two_part(in.type) ? b_.getInt64(0) : nullptr, kFalse()};
    case Op::Field: return emitField(in);
    case Op::AsOf: return {asof_, nullptr, kTrue()};
    case Op::Score:
    case Op::Confidence: {
      Value* x = in.op == Op::Score ? score_ : conf_;
      if (!x) throw std::runtime_error("Score/Confidence before tiers_begin");
      return {x, nullptr, kTrue()};
    }
    case Op::IsKnown: return {v(in.a).k, nullptr, kTrue()};
    case Op::Coalesce: {
      const Val& a = v(in.a);
      const Val& b = v(in.b);
      Val r{b_.CreateSelect(a.k, a.p, b.p), nullptr, b_.CreateOr(a.k, b.k)};
      if (a.p2) r.p2 = b_.CreateSelect(a.k, a.p2, b.p2);
      return r;
    }
    case Op::Guard: {
      Val r = v(in.b);
      r.k = and1(v(in.a).k, r.k);
      return r;
    }
    case Op::Not: {
      const Val& a = v(in.a);
      return {b_.CreateNot(a.p), nullptr, a.k};
    }
    case Op::And:
    case Op::Or: {
      const Val& a = v(in.a);
      const Val& b = v(in.b);
      bool is_and = in.op == Op::And;
      // The deciding value: false for and, true for or.
      Value* ad = and1(a.k, is_and ? b_.CreateNot(a.p) : a.p);
      Value* bd = and1(b.k, is_and ? b_.CreateNot(b.p) : b.p);
      Value* known = b_.CreateOr(b_.CreateOr(ad, bd), and1(a.k, b.k));
      Value* p = is_and ? b_.CreateAnd(a.p, b.p) : b_.CreateOr(a.p, b.p);
      // Normalise the payload where a known decider meets an unknown operand.
      p = is_and ? and1(p, b_.CreateNot(b_.CreateOr(ad, bd)))
                 : b_.CreateOr(p, b_.CreateOr(ad, bd));
      return {p, nullptr, known};
    }
    case Op::Select: {
      const Val& a = v(in.a);
      const Val& b = v(in.b);
      const Val& c = v(in.c);
      Val r{b_.CreateSelect(a.p, b.p, c.p), nullptr,
            and1(a.k, b_.CreateSelect(a.p, b.k, c.k))};
      if (b.p2) r.p2 = b_.CreateSelect(a.p, b.p2, c.p2);
      return r;
    }
    case Op::IntToFloat: {
      const Val& a = v(in.a);
      return {b_.CreateSIToFP(a.p, dbl), nullptr, a.k};
    }
    case Op::Neg:
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div: return emitArith(in);
    case Op::Pow: {
      const Val& a = v(in.a);
      const Val& b = v(in.b);
      auto fn = rt("icp_rt_pow", dbl, {dbl, dbl}, true);
      return guarded(and1(a.k, b.k), [&]() -> Val {
        Value* r = b_.CreateCall(fn, {a.p, b.p});
        return {r, nullptr, finite(r)};
      });
    }
    case Op::Cmp: return emitCmp(in);
    case Op::SetHas:
    case Op::SetHasAny:
    case Op::SetHasAll: {
      const Val& a = v(in.a);
      const Val& b = v(in.b);
      const ir::Inst& bi = f_.insts.at(in.b);
      if (in.op == Op::SetHas && bi.op == Op::ConstStr) {
        const std::string& str = f_.strings.at(bi.extra);
        return guarded(a.k, [&]() -> Val { return {inlineSetHas(a, str)}; });
      }
      if (in.op != Op::SetHas && bi.op == Op::ConstStrSet) {
        const auto& items = f_.str_sets.at(bi.extra);
        bool all = in.op == Op::SetHasAll;
        return guarded(a.k, [&]() -> Val {
          Value* r = all ? kTrue() : kFalse();
          for (const auto& item : items) {
            Value* h = inlineSetHas(a, item);
            r = all ? and1(r, h) : b_.CreateOr(r, h);
          }
          return {r};
        });
      }
      const char* name = in.op == Op::SetHas      ? "icp_rt_set_has"
                         : in.op == Op::SetHasAny ? "icp_rt_set_has_any"
                                                  : "icp_rt_set_has_all";
      auto fn = rt(name, i32, {ptr, ptr});
      return guarded(and1(a.k, b.k), [&]() -> Val {
        return {i32ToBool(b_.CreateCall(fn, {spill(a), spill(b)}))};
      });
    }
    case Op::InEnumSet: {
      const Val& a = v(in.a);
      const auto& bits = f_.enum_sets.at(in.extra);
      // A bitmask table of 64-bit words; members outside it are not in the set.
      std::vector<uint64_t> words((bits.size() + 63) / 64 + (bits.empty() ? 1 : 0), 0);
      for (size_t i = 0; i < bits.size(); ++i)
        if (bits[i]) words[i / 64] |= uint64_t(1) << (i % 64);
      Value* idx = a.p;
      Value* in_range = b_.CreateICmpULT(idx, b_.getInt64(words.size() * 64));
      Value* word;
      if (words.size() == 1) {
        word = b_.getInt64(words[0]);
      } else {
        auto* at = ArrayType::get(i64, words.size());
        auto* g = new GlobalVariable(m_, at, true, GlobalValue::PrivateLinkage,
                                     ConstantDataArray::get(C, words), ".icp.enumset");
        Value* wi = b_.CreateSelect(in_range, b_.CreateLShr(idx, 6), b_.getInt64(0));
        word = b_.CreateLoad(i64, b_.CreateGEP(i64, g, wi));
      }
      Value* sh = b_.CreateAnd(idx, b_.getInt64(63));
      Value* bit = b_.CreateTrunc(b_.CreateLShr(word, sh), i1);
      return {and1(bit, in_range), nullptr, a.k};
    }
    case Op::Matches: {
      const Val& a = v(in.a);
      auto fn = rt("icp_rt_matches", i32, {ptr, i32, ptr});
      return guarded(a.k, [&]() -> Val {
        return {i32ToBool(b_.CreateCall(fn, {ctx_, b_.getInt32(in.extra), spill(a)}))};
      });
    }
    case Op::Call: return emitCall(in);
  }
  throw std::runtime_error("unknown IR op");
}

// Rule k's points. When only this rule needs them (demand.h), they are
// computed in a branch taken when the condition is true; otherwise they
// were computed eagerly.
Val FnBuilder::lazyPoints(size_t k, Value* ctrue) {
  ir::ValueId pv = f_.rules[k].points;
  if (demand_.at(pv) != static_cast<int32_t>(k)) return v(pv);
  BasicBlock* from = b_.GetInsertBlock();
  BasicBlock* body = BasicBlock::Create(C, "points", fn_);
  BasicBlock* join = BasicBlock::Create(C, "points.join", fn_);
  b_.CreateCondBr(ctrue, body, join);
  b_.SetInsertPoint(body);
  for (uint32_t i = 0; i <= pv; ++i)
    if (demand_[i] == static_cast<int32_t>(k)) vals_[i] = emitInst(f_.insts[i]);
  Val p = v(pv);
  BasicBlock* end = b_.GetInsertBlock();
  b_.CreateBr(join);
  b_.SetInsertPoint(join);
  PHINode* pp = b_.CreatePHI(dbl, 2);
  pp->addIncoming(p.p, end);
  pp->addIncoming(ConstantFP::get(dbl, 0.0), from);
  PHINode* pk = b_.CreatePHI(i1, 2);
  pk->addIncoming(p.k, end);
  pk->addIncoming(kFalse(), from);
  return {pp, nullptr, pk};
}

// `set has s` for a constant s, inline: a scan comparing lengths, then
// bytes (memcmp with a constant length, which LLVM expands). Same answer
// as icp_rt_set_has on the sorted, unique sets of abi.h. `set` is known.
Value* FnBuilder::inlineSetHas(const Val& set, const std::string& s) {
  Value*& sp = lit_globals_[s];
  if (!sp) sp = strGlobal(s);
  FunctionCallee memcmp_fn = m_.getOrInsertFunction("memcmp", FunctionType::get(i32, {ptr, ptr, i64}, false));
  BasicBlock* from = b_.GetInsertBlock();
  BasicBlock* head = BasicBlock::Create(C, "has.head", fn_);
  BasicBlock* cmp = BasicBlock::Create(C, "has.cmp", fn_);
  BasicBlock* next = BasicBlock::Create(C, "has.next", fn_);
  BasicBlock* done = BasicBlock::Create(C, "has.done", fn_);
  b_.CreateBr(head);
  b_.SetInsertPoint(head);
  PHINode* i = b_.CreatePHI(i64, 2);
  i->addIncoming(b_.getInt64(0), from);
  Value* more = b_.CreateICmpULT(i, set.p2);
  BasicBlock* head_end = b_.GetInsertBlock();
  BasicBlock* body = BasicBlock::Create(C, "has.body", fn_);
  b_.CreateCondBr(more, body, done);
  b_.SetInsertPoint(body);
  Val item = loadPair(b_.CreateGEP(strT, set.p, i));
  b_.CreateCondBr(b_.CreateICmpEQ(item.p2, b_.getInt64(s.size())), cmp, next);
  b_.SetInsertPoint(cmp);
  Value* eq = s.empty() ? kTrue()
                        : b_.CreateICmpEQ(b_.CreateCall(memcmp_fn, {item.p, sp, b_.getInt64(s.size())}),
                                          b_.getInt32(0));
  b_.CreateCondBr(eq, done, next);
  b_.SetInsertPoint(next);
  i->addIncoming(b_.CreateAdd(i, b_.getInt64(1)), next);
  b_.CreateBr(head);
  b_.SetInsertPoint(done);
  PHINode* found = b_.CreatePHI(i1, 2);
  found->addIncoming(kFalse(), head_end);
  found->addIncoming(kTrue(), cmp);
  return found;
}

// Rule states, contributions, score, confidence, tiers; stores the row.
void FnBuilder::emitTail() {
  const size_t nrules = f_.rules.size();
  Value* base = b_.CreateMul(row_, b_.getInt64(nrules));
  Value* zero = ConstantFP::get(dbl, 0.0);
  Value* excluded = kFalse();
  Value* known_count = b_.getInt64(0);
  uint64_t scored_rules = 0;
  contrib_.assign(nrules, zero);
  states_.assign(nrules, nullptr);
  for (size_t k = 0; k < nrules; ++k) {
    const ir::Rule& rule = f_.rules[k];
    const Val& cond = v(rule.cond);
    Value* ctrue = and1(cond.k, cond.p);
    Value* state;
    Value* pts = zero;
    if (rule.kind == ir::RuleKind::Exclude) {
      excluded = b_.CreateOr(excluded, ctrue);
      state = b_.CreateSelect(ctrue, b_.getInt8(ICP_RULE_TRUE),
                              b_.CreateSelect(cond.k, b_.getInt8(ICP_RULE_FALSE),
                                              b_.getInt8(ICP_RULE_UNKNOWN)));
    } else {
      Val p = lazyPoints(k, ctrue);
      Value* fired = and1(ctrue, p.k);
      Value* cfalse = and1(cond.k, b_.CreateNot(cond.p));
      state = b_.CreateSelect(fired, b_.getInt8(ICP_RULE_TRUE),
                              b_.CreateSelect(cfalse, b_.getInt8(ICP_RULE_FALSE),
                                              b_.getInt8(ICP_RULE_UNKNOWN)));
      pts = b_.CreateSelect(fired, p.p, zero);
      contrib_[k] = pts;
      ++scored_rules;
      Value* not_unknown = b_.CreateICmpNE(state, b_.getInt8(ICP_RULE_UNKNOWN));
      known_count = b_.CreateAdd(known_count, b_.CreateZExt(not_unknown, i64));
    }
    states_[k] = state;
    Value* at = b_.CreateAdd(base, b_.getInt64(k));
    b_.CreateStore(state, b_.CreateGEP(i8, out_state_, at));
    b_.CreateStore(pts, b_.CreateGEP(dbl, out_points_, at));
  }
  // Score in the documented order.
  Value* score = zero;
  for (const auto& e : f_.order) {
    if (!e.is_group) {
      if (f_.rules.at(e.index).kind != ir::RuleKind::Exclude)
        score = b_.CreateFAdd(score, contrib_[e.index]);
      continue;
    }
    const ir::Group& g = f_.groups.at(e.index);
    Value* sub = zero;
    for (size_t k = 0; k < nrules; ++k)
      if (f_.rules[k].group == static_cast<int>(e.index) &&
          f_.rules[k].kind != ir::RuleKind::Exclude)
        sub = b_.CreateFAdd(sub, contrib_[k]);
    if (g.has_cap) {
      Value* cap = ConstantFP::get(dbl, g.cap);
      sub = b_.CreateSelect(b_.CreateFCmpOLT(cap, sub), cap, sub);  // std::min(sub, cap)
    }
    score = b_.CreateFAdd(score, sub);
  }
  score_ = score;
  conf_ = scored_rules == 0
              ? static_cast<Value*>(ConstantFP::get(dbl, 1.0))
              : b_.CreateFDiv(b_.CreateSIToFP(known_count, dbl),
                              ConstantFP::get(dbl, static_cast<double>(scored_rules)));
  // Tier conditions may use score / confidence.
  for (size_t i = f_.tiers_begin; i < f_.insts.size(); ++i)
    if (demand_[i] != kUnused) vals_[i] = emitInst(f_.insts[i]);
  Value* tier = b_.getInt32(static_cast<uint32_t>(ICP_TIER_OUT));
  for (size_t t = f_.tiers.size(); t-- > 0;) {
    const Val& c = v(f_.tiers[t].cond);
    tier = b_.CreateSelect(and1(c.k, c.p), b_.getInt32(static_cast<uint32_t>(t)), tier);
  }
  tier = b_.CreateSelect(excluded, b_.getInt32(static_cast<uint32_t>(ICP_TIER_EXCLUDED)), tier);
  b_.CreateStore(score, b_.CreateGEP(dbl, out_score_, row_));
  b_.CreateStore(tier, b_.CreateGEP(i32, out_tier_, row_));
  b_.CreateStore(conf_, b_.CreateGEP(dbl, out_conf_, row_));
}

void FnBuilder::build() {
  auto* fty = FunctionType::get(b_.getVoidTy(), {ptr, i64, ptr, ptr}, false);
  fn_ = Function::Create(fty, GlobalValue::ExternalLinkage, score_symbol(f_), m_);
  demand_ = demand(f_);
  fn_->addFnAttr(Attribute::NoUnwind);
  Value* in = fn_->getArg(0);
  asof_ = fn_->getArg(1);
  Value* out = fn_->getArg(2);
  ctx_ = fn_->getArg(3);
  for (unsigned i : {0u, 2u}) {
    fn_->addParamAttr(i, Attribute::NoAlias);
    fn_->addParamAttr(i, Attribute::ReadOnly);
  }
  fn_->addParamAttr(2, Attribute::NoCapture);

  entry_ = BasicBlock::Create(C, "entry", fn_);
  BasicBlock* loop = BasicBlock::Create(C, "row", fn_);
  BasicBlock* exit = BasicBlock::Create(C, "exit", fn_);
  b_.SetInsertPoint(entry_);
  Value* rows = b_.CreateLoad(i64, b_.CreateStructGEP(batchT, in, 0), "rows");
  Value* cols = b_.CreateLoad(ptr, b_.CreateStructGEP(batchT, in, 1), "cols");
  col_valid_.assign(f_.fields.size(), nullptr);
  col_data_.assign(f_.fields.size(), nullptr);
  std::vector<bool> used(f_.fields.size(), false);
  bool uses_arena = false;
  for (const auto& inst : f_.insts) {
    if (inst.op == Op::Field) {
      uint32_t fi = inst.extra;
      if (fi < used.size()) used[fi] = true;
    }
    if (inst.op == Op::Call && inst.extra < ir::kCallKindCount)
      uses_arena = uses_arena || ir::visit_rt_function(ir::CallKind(inst.extra), [](auto fn, const char*) {
                     return ir::RtSig<decltype(fn)>::uses_ctx;
                   });
  }
  for (size_t i = 0; i < f_.fields.size(); ++i) {
    if (!used[i]) continue;
    Value* col = b_.CreateGEP(colT, cols, b_.getInt64(i));
    col_valid_[i] = b_.CreateLoad(ptr, b_.CreateStructGEP(colT, col, 0));
    col_data_[i] = b_.CreateLoad(ptr, b_.CreateStructGEP(colT, col, 1));
  }
  out_score_ = b_.CreateLoad(ptr, b_.CreateStructGEP(resT, out, 1));
  out_tier_ = b_.CreateLoad(ptr, b_.CreateStructGEP(resT, out, 2));
  out_conf_ = b_.CreateLoad(ptr, b_.CreateStructGEP(resT, out, 3));
  out_state_ = b_.CreateLoad(ptr, b_.CreateStructGEP(resT, out, 4));
  out_points_ = b_.CreateLoad(ptr, b_.CreateStructGEP(resT, out, 5));
  auto reset = rt("icp_rt_ctx_reset", b_.getVoidTy(), {ptr});
  b_.CreateCall(reset, {ctx_});
  b_.CreateCondBr(b_.CreateICmpEQ(rows, b_.getInt64(0)), exit, loop);

  b_.SetInsertPoint(loop);
  PHINode* r = b_.CreatePHI(i64, 2, "r");
  r->addIncoming(b_.getInt64(0), entry_);
  row_ = r;
  // Strings computed for one row are dead after it: keep the arena small.
  if (uses_arena) b_.CreateCall(reset, {ctx_});
  vals_.assign(f_.insts.size(), Val{});
  uint32_t pre = std::min<uint32_t>(f_.tiers_begin, static_cast<uint32_t>(f_.insts.size()));
  for (uint32_t i = 0; i < pre; ++i)
    if (demand_[i] == kEager) vals_[i] = emitInst(f_.insts[i]);
  emitTail();
  Value* next = b_.CreateAdd(r, b_.getInt64(1), "r.next");
  r->addIncoming(next, b_.GetInsertBlock());
  b_.CreateCondBr(b_.CreateICmpULT(next, rows), loop, exit);
  b_.SetInsertPoint(exit);
  b_.CreateRetVoid();
}

}  // namespace

void build_score_function(llvm::Module& m, const ir::Function& f) {
  FnBuilder(m, f).build();
  std::string msg;
  llvm::raw_string_ostream os(msg);
  if (llvm::verifyFunction(*m.getFunction(score_symbol(f)), &os))
    throw std::runtime_error("invalid LLVM IR for profile " + f.name + ": " + os.str());
}

}  // namespace icp::codegen
