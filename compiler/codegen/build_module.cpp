// ir::Function -> LLVM functions that score a whole batch:
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
//
// Segments. The optimiser and the register allocator cost more than
// linear time in the size of one function, so a large profile is split:
// the work of one row is a sequence of items (the IR's instructions in
// order, each rule's tail after the last value it needs, the score in the
// documented order, confidence, the tier instructions, the tier choice),
// cut greedily into segments of about `segment_cost` instructions. Each
// segment is an internal function called once per row by the loop of
// icp_score_<name>; a value used by a later segment is stored in a slot of
// a scratch block (icp_rt_ctx_scratch) and loaded there. Constants, fields
// and as_of are recomputed instead. Rule states and points go to the result
// arrays as they always did; a later segment's score reads the points back
// from there; the running counters (known rules, excluded, score, group
// subtotal, confidence) live in a small per-row frame. A profile that fits
// in one segment is inlined back into the loop: one function, as before.
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
    // known count, excluded, score, group subtotal, confidence
    frameT = StructType::get(C, {i64, i8, dbl, dbl, dbl});
    slotT = StructType::get(C, {i64, i64, i8});  // payload, length, known
  }

  FnBuilder(Module& m, const ir::Function& f, const CodegenOptions& opt) : FnBuilder(m, f) {
    opt_ = opt;
    if (opt_.segment_cost == 0) opt_.segment_cost = 1;
  }

  void build();

 private:
  // ---- the plan: items, segments, slots --------------------------------
  struct Item {
    enum Kind : uint8_t { Inst, Tail, Score, Conf, Final } kind;
    uint32_t index;  // Inst: value id; Tail: rule; Score: index in score_ops_
  };
  struct ScoreOp {
    enum Kind : uint8_t { Rule, GroupBegin, GroupRule, GroupEnd } kind;
    uint32_t index;  // rule or group
  };
  static constexpr uint32_t kNone = ~0u;
  void plan();
  static bool rematerialized(ir::Op op);

  // ---- segments -----------------------------------------------------------
  Function* beginSegment(uint32_t s);
  void endSegment();
  void emitItem(const Item& it);
  void emitRuleTail(size_t k);
  void emitScoreOp(const ScoreOp& op);
  void emitConf();
  void emitFinal();
  void flushCounters();
  Value* frameField(unsigned i) { return b_.CreateStructGEP(frameT, frame_, i); }
  Value* entryFrameLoad(Type* t, unsigned field) {
    IRBuilder<> eb(entry_);
    return eb.CreateLoad(t, eb.CreateStructGEP(frameT, frame_, field));
  }
  Value* slotAddr(IRBuilderBase& b, uint32_t slot, unsigned part) {
    return b.CreateGEP(slotT, slots_, {b.getInt64(slot), b.getInt32(part)});
  }
  Type* payloadType(VType t) {
    switch (t) {
      case VType::Bool: return i1;
      case VType::Int: return i64;
      case VType::Float: return dbl;
      case VType::Str:
      case VType::StrSet: return ptr;
    }
    return i64;
  }
  Value* colValid(uint32_t fi);
  Value* colData(uint32_t fi);
  Value* outArray(unsigned field);
  Value* rowBase();
  Value* contrib(size_t k);
  // ---- helpers -------------------------------------------------------
  Value* kTrue() { return b_.getTrue(); }
  Value* kFalse() { return b_.getFalse(); }
  // i1 logic and selects folded where an operand is a constant: much of the
  // three-valued logic has constant known bits, and less IR is less to
  // compile (these are what InstSimplify would do, without its analyses).
  static ConstantInt* c1(Value* v) { return dyn_cast<ConstantInt>(v); }
  Value* and1(Value* a, Value* b) {
    if (ConstantInt* c = c1(a)) return c->isOne() ? b : a;
    if (ConstantInt* c = c1(b)) return c->isOne() ? a : b;
    return a == b ? a : b_.CreateAnd(a, b);
  }
  Value* or1(Value* a, Value* b) {
    if (ConstantInt* c = c1(a)) return c->isOne() ? a : b;
    if (ConstantInt* c = c1(b)) return c->isOne() ? b : a;
    return a == b ? a : b_.CreateOr(a, b);
  }
  Value* not1(Value* a) {
    if (ConstantInt* c = c1(a)) return b_.getInt1(!c->isOne());
    return b_.CreateNot(a);
  }
  Value* sel(Value* c, Value* x, Value* y) {
    if (ConstantInt* k = c1(c)) return k->isOne() ? x : y;
    return x == y ? x : b_.CreateSelect(c, x, y);
  }
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
  Val lazyPoints(size_t k, Value* ctrue);
  Value* inlineSetHas(const Val& set, const std::string& s);

  // The value `id` in the current segment: computed here, recomputed (a
  // constant, field, as_of, score or confidence), or loaded from its slot.
  const Val& v(ir::ValueId id);

  const ir::Function& f_;
  Module& m_;
  LLVMContext& C;
  IRBuilder<> b_;
  Type *i1, *i8, *i32, *i64, *dbl;
  PointerType* ptr;
  StructType *strT, *colT, *batchT, *resT;

  CodegenOptions opt_;
  StructType *frameT = nullptr, *slotT = nullptr;

  // The plan (plan()).
  std::vector<int32_t> demand_;
  std::vector<std::vector<ir::ValueId>> lazy_;  // per rule: insts only its points need
  std::vector<ScoreOp> score_ops_;
  std::vector<Item> items_;
  std::vector<uint32_t> seg_begin_;  // per segment: first item; plus items_.size()
  std::vector<uint32_t> vseg_;       // per value: the segment that computes it
  std::vector<uint32_t> tail_seg_;   // per rule: the segment of its tail
  std::vector<uint32_t> slot_;       // per value: its slot, or kNone
  uint32_t nslots_ = 0;
  uint32_t score_seg_ = kNone, conf_seg_ = kNone;  // where score / confidence are computed
  bool uses_arena_ = false;

  // The function being emitted (a segment).
  uint32_t cur_ = kNone;
  Function* fn_ = nullptr;
  BasicBlock* entry_ = nullptr;
  Value *in_ = nullptr, *ctx_ = nullptr, *asof_ = nullptr, *row_ = nullptr, *out_ = nullptr,
        *frame_ = nullptr, *slots_ = nullptr;
  Value *cols_ = nullptr, *base_ = nullptr;
  Value* out_arr_[6] = {};
  std::vector<Value*> col_valid_, col_data_;
  Value* score_ = nullptr;  // the running score in this segment (after its first score op)
  Value* sub_ = nullptr;    // the running group subtotal
  Value* conf_ = nullptr;
  Value* seg_known_ = nullptr;     // signals/triggers not UNKNOWN, this segment's tails
  Value* seg_excluded_ = nullptr;  // an exclude rule is TRUE, this segment's tails
  std::vector<Val> vals_;
  std::vector<uint32_t> vals_at_;  // per value: the segment vals_ holds it for
  std::vector<Value*> contrib_;
  std::vector<uint32_t> contrib_at_;
  std::map<uint32_t, Value*> str_globals_, set_globals_;
  std::map<std::string, Value*> lit_globals_;
  std::vector<Function*> segments_;
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

// Fields are read in the segment's entry block: they dominate every use,
// including uses inside the branches of lazily computed points.
Val FnBuilder::emitField(const ir::Inst& in) {
  // The field index is `extra` (as the lowering and the interpreter use it).
  uint32_t fi = in.extra;
  if (fi >= f_.fields.size()) throw std::runtime_error("Field index out of range");
  IRBuilderBase::InsertPointGuard guard(b_);
  Value* valid = colValid(fi);
  Value* data = colData(fi);
  b_.SetInsertPoint(entry_);
  Value* vp = b_.CreateGEP(i8, valid, row_);
  Value* known = b_.CreateICmpNE(b_.CreateLoad(i8, vp), b_.getInt8(0));
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
    return {b_.CreateExtractValue(r, 0), nullptr, and1(known, not1(ov))};
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
      bool is_score = in.op == Op::Score;
      uint32_t at = is_score ? score_seg_ : conf_seg_;
      if (at == kNone || at > cur_) throw std::runtime_error("Score/Confidence before tiers_begin");
      Value* x = is_score ? score_ : conf_;
      if (at != cur_ || !x) x = entryFrameLoad(dbl, is_score ? 2 : 4);
      return {x, nullptr, kTrue()};
    }
    case Op::IsKnown: return {v(in.a).k, nullptr, kTrue()};
    case Op::Coalesce: {
      const Val& a = v(in.a);
      const Val& b = v(in.b);
      Val r{sel(a.k, a.p, b.p), nullptr, or1(a.k, b.k)};
      if (a.p2) r.p2 = sel(a.k, a.p2, b.p2);
      return r;
    }
    case Op::Guard: {
      Val r = v(in.b);
      r.k = and1(v(in.a).k, r.k);
      return r;
    }
    case Op::Not: {
      const Val& a = v(in.a);
      return {not1(a.p), nullptr, a.k};
    }
    case Op::And:
    case Op::Or: {
      const Val& a = v(in.a);
      const Val& b = v(in.b);
      bool is_and = in.op == Op::And;
      // The deciding value: false for and, true for or.
      Value* ad = and1(a.k, is_and ? not1(a.p) : a.p);
      Value* bd = and1(b.k, is_and ? not1(b.p) : b.p);
      Value* decided = or1(ad, bd);
      Value* known = or1(decided, and1(a.k, b.k));
      Value* p = is_and ? and1(a.p, b.p) : or1(a.p, b.p);
      // Normalise the payload where a known decider meets an unknown operand.
      p = is_and ? and1(p, not1(decided)) : or1(p, decided);
      return {p, nullptr, known};
    }
    case Op::Select: {
      const Val& a = v(in.a);
      const Val& b = v(in.b);
      const Val& c = v(in.c);
      Val r{sel(a.p, b.p, c.p), nullptr,
            and1(a.k, sel(a.p, b.k, c.k))};
      if (b.p2) r.p2 = sel(a.p, b.p2, c.p2);
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
            r = all ? and1(r, h) : or1(r, h);
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
  for (ir::ValueId i : lazy_[k]) {
    vals_[i] = emitInst(f_.insts[i]);
    vals_at_[i] = cur_;
  }
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

// ---- the plan ------------------------------------------------------------

bool FnBuilder::rematerialized(ir::Op op) {
  switch (op) {
    case Op::ConstBool: case Op::ConstInt: case Op::ConstFloat: case Op::ConstStr:
    case Op::ConstStrSet: case Op::Missing: case Op::Field: case Op::AsOf: case Op::Score:
    case Op::Confidence:
      return true;
    case Op::IsKnown: case Op::Coalesce: case Op::Guard: case Op::Not: case Op::And: case Op::Or:
    case Op::Select: case Op::IntToFloat: case Op::Neg: case Op::Add: case Op::Sub: case Op::Mul:
    case Op::Div: case Op::Pow: case Op::Cmp: case Op::SetHas: case Op::SetHasAny:
    case Op::SetHasAll: case Op::InEnumSet: case Op::Matches: case Op::Call:
      return false;
  }
  return false;
}

void FnBuilder::plan() {
  const uint32_t n = static_cast<uint32_t>(f_.insts.size());
  const uint32_t pre = std::min(f_.tiers_begin, n);
  const size_t nrules = f_.rules.size();
  const uint32_t budget = opt_.segment_cost;
  demand_ = demand(f_);

  // Points computed lazily, in their rule's tail; a rule whose points alone
  // exceed a segment computes them eagerly instead (in their own segments).
  lazy_.assign(nrules, {});
  for (uint32_t i = 0; i < pre; ++i)
    if (demand_[i] >= 0) lazy_.at(demand_[i]).push_back(i);
  for (size_t k = 0; k < nrules; ++k)
    if (lazy_[k].size() > budget) {
      for (ir::ValueId i : lazy_[k]) demand_[i] = kEager;
      lazy_[k].clear();
    }

  // Each rule's tail follows the last value it needs.
  std::vector<std::vector<uint32_t>> tails_after(pre);
  for (size_t k = 0; k < nrules; ++k) {
    const ir::Rule& r = f_.rules[k];
    ir::ValueId last = r.cond;
    if (r.kind != ir::RuleKind::Exclude) last = std::max(last, r.points);
    if (r.cond >= pre || (r.kind != ir::RuleKind::Exclude && r.points >= pre))
      throw std::runtime_error("rule " + r.label + " uses a value at or after tiers_begin");
    tails_after[last].push_back(static_cast<uint32_t>(k));
  }

  // The score in the documented order (ir::OrderEntry); a group's rules in
  // source order.
  std::vector<std::vector<uint32_t>> members(f_.groups.size());
  for (size_t k = 0; k < nrules; ++k) {
    int g = f_.rules[k].group;
    if (g >= 0 && f_.rules[k].kind != ir::RuleKind::Exclude) members.at(g).push_back(uint32_t(k));
  }
  score_ops_.clear();
  for (const auto& e : f_.order) {
    if (!e.is_group) {
      if (f_.rules.at(e.index).kind != ir::RuleKind::Exclude)
        score_ops_.push_back({ScoreOp::Rule, e.index});
      continue;
    }
    score_ops_.push_back({ScoreOp::GroupBegin, e.index});
    for (uint32_t k : members.at(e.index)) score_ops_.push_back({ScoreOp::GroupRule, k});
    score_ops_.push_back({ScoreOp::GroupEnd, e.index});
  }

  // The items of a row, in order, with their cost; cut into segments.
  items_.clear();
  seg_begin_.assign(1, 0);
  uint32_t cost = 0;
  auto add = [&](Item it, uint32_t c) {
    if (cost > 0 && cost + c > budget) {
      seg_begin_.push_back(static_cast<uint32_t>(items_.size()));
      cost = 0;
    }
    items_.push_back(it);
    cost += c;
  };
  auto inst_cost = [&](ir::ValueId i) -> uint32_t {
    return rematerialized(f_.insts[i].op) && f_.insts[i].op != Op::Field ? 0 : 1;
  };
  for (uint32_t i = 0; i < pre; ++i) {
    if (demand_[i] == kEager) add({Item::Inst, i}, inst_cost(i));
    for (uint32_t k : tails_after[i]) add({Item::Tail, k}, 2 + static_cast<uint32_t>(lazy_[k].size()));
  }
  for (uint32_t j = 0; j < score_ops_.size(); ++j) add({Item::Score, j}, 1);
  add({Item::Conf, 0}, 1);
  for (uint32_t i = pre; i < n; ++i)
    if (demand_[i] != kUnused) add({Item::Inst, i}, inst_cost(i));
  add({Item::Final, 0}, 1 + static_cast<uint32_t>(f_.tiers.size()));
  seg_begin_.push_back(static_cast<uint32_t>(items_.size()));
  const uint32_t nseg = static_cast<uint32_t>(seg_begin_.size() - 1);

  // Where each value is computed.
  vseg_.assign(n, kNone);
  tail_seg_.assign(nrules, kNone);
  uint32_t final_seg = nseg - 1;
  for (uint32_t s = 0; s < nseg; ++s)
    for (uint32_t j = seg_begin_[s]; j < seg_begin_[s + 1]; ++j) {
      const Item& it = items_[j];
      switch (it.kind) {
        case Item::Inst: vseg_[it.index] = s; break;
        case Item::Tail:
          tail_seg_[it.index] = s;
          for (ir::ValueId i : lazy_[it.index]) vseg_[i] = s;
          break;
        case Item::Score: if (j + 1 == seg_begin_[s + 1] || items_[j + 1].kind != Item::Score) score_seg_ = s; break;
        case Item::Conf: conf_seg_ = s; break;
        case Item::Final: final_seg = s; break;
      }
    }
  if (score_ops_.empty()) score_seg_ = conf_seg_;

  // A value used by a later segment gets a slot, unless it is recomputed.
  slot_.assign(n, kNone);
  nslots_ = 0;
  auto use = [&](ir::ValueId v, uint32_t at) {
    if (v >= n || vseg_[v] == kNone || vseg_[v] > at)
      throw std::runtime_error("IR operand %" + std::to_string(v) + " out of order");
    if (vseg_[v] == at || slot_[v] != kNone || rematerialized(f_.insts[v].op)) return;
    slot_[v] = nslots_++;
  };
  for (uint32_t i = 0; i < n; ++i) {
    if (vseg_[i] == kNone) continue;
    for (ir::ValueId o : operands(f_, f_.insts[i])) use(o, vseg_[i]);
  }
  for (size_t k = 0; k < nrules; ++k) {
    use(f_.rules[k].cond, tail_seg_[k]);
    if (f_.rules[k].kind != ir::RuleKind::Exclude) use(f_.rules[k].points, tail_seg_[k]);
  }
  for (const auto& t : f_.tiers) use(t.cond, final_seg);

  for (const auto& inst : f_.insts)
    if (inst.op == Op::Call && inst.extra < ir::kCallKindCount)
      uses_arena_ = uses_arena_ || ir::visit_rt_function(ir::CallKind(inst.extra), [](auto fn, const char*) {
                      return ir::RtSig<decltype(fn)>::uses_ctx;
                    });
}

// ---- values ---------------------------------------------------------------

const Val& FnBuilder::v(ir::ValueId id) {
  if (id >= vals_.size()) throw std::runtime_error("IR operand %" + std::to_string(id) + " out of range");
  if (vals_at_[id] == cur_ && vals_[id].p) return vals_[id];
  const ir::Inst& in = f_.insts[id];
  if (rematerialized(in.op)) {
    vals_[id] = emitInst(in);
  } else if (slot_[id] != kNone && vseg_[id] < cur_) {
    IRBuilder<> eb(entry_);
    Val x;
    x.p = eb.CreateLoad(payloadType(in.type), slotAddr(eb, slot_[id], 0));
    if (two_part(in.type)) x.p2 = eb.CreateLoad(i64, slotAddr(eb, slot_[id], 1));
    x.k = eb.CreateTrunc(eb.CreateLoad(i8, slotAddr(eb, slot_[id], 2)), i1);
    vals_[id] = x;
  } else {
    throw std::runtime_error("IR operand %" + std::to_string(id) + " out of order");
  }
  vals_at_[id] = cur_;
  return vals_[id];
}

Value* FnBuilder::colValid(uint32_t fi) {
  if (!col_valid_[fi]) {
    IRBuilder<> eb(entry_);
    if (!cols_) cols_ = eb.CreateLoad(ptr, eb.CreateStructGEP(batchT, in_, 1), "cols");
    Value* col = eb.CreateGEP(colT, cols_, eb.getInt64(fi));
    col_valid_[fi] = eb.CreateLoad(ptr, eb.CreateStructGEP(colT, col, 0));
    col_data_[fi] = eb.CreateLoad(ptr, eb.CreateStructGEP(colT, col, 1));
  }
  return col_valid_[fi];
}

Value* FnBuilder::colData(uint32_t fi) {
  colValid(fi);
  return col_data_[fi];
}

// Field `field` of icp_result_view (1 score, 2 tier, 3 confidence, 4 state,
// 5 points), loaded once per segment.
Value* FnBuilder::outArray(unsigned field) {
  if (!out_arr_[field]) {
    IRBuilder<> eb(entry_);
    out_arr_[field] = eb.CreateLoad(ptr, eb.CreateStructGEP(resT, out_, field));
  }
  return out_arr_[field];
}

Value* FnBuilder::rowBase() {
  if (!base_) {
    IRBuilder<> eb(entry_);
    base_ = eb.CreateMul(row_, eb.getInt64(f_.rules.size()));
  }
  return base_;
}

// Rule k's contribution: this segment's value, or read back from the points
// array its tail wrote.
Value* FnBuilder::contrib(size_t k) {
  if (contrib_at_[k] == cur_ && contrib_[k]) return contrib_[k];
  if (tail_seg_[k] >= cur_) throw std::runtime_error("a rule's points used before its tail");
  Value* at = b_.CreateAdd(rowBase(), b_.getInt64(k));
  contrib_[k] = b_.CreateLoad(dbl, b_.CreateGEP(dbl, outArray(5), at));
  contrib_at_[k] = cur_;
  return contrib_[k];
}

// ---- segments ---------------------------------------------------------------

Function* FnBuilder::beginSegment(uint32_t s) {
  auto* fty = FunctionType::get(b_.getVoidTy(), {ptr, i64, ptr, ptr, i64, ptr, ptr}, false);
  fn_ = Function::Create(fty, GlobalValue::InternalLinkage, score_symbol(f_) + ".s" + std::to_string(s), m_);
  fn_->addFnAttr(Attribute::NoUnwind);
  for (unsigned i : {0u, 2u}) {
    fn_->addParamAttr(i, Attribute::NoAlias);
    fn_->addParamAttr(i, Attribute::ReadOnly);
    fn_->addParamAttr(i, Attribute::NoCapture);
  }
  for (unsigned i : {5u, 6u}) {
    fn_->addParamAttr(i, Attribute::NoAlias);
    fn_->addParamAttr(i, Attribute::NoCapture);
  }
  in_ = fn_->getArg(0);
  asof_ = fn_->getArg(1);
  out_ = fn_->getArg(2);
  ctx_ = fn_->getArg(3);
  row_ = fn_->getArg(4);
  frame_ = fn_->getArg(5);
  slots_ = fn_->getArg(6);
  cur_ = s;
  entry_ = BasicBlock::Create(C, "entry", fn_);
  b_.SetInsertPoint(BasicBlock::Create(C, "body", fn_));
  cols_ = base_ = nullptr;
  for (Value*& p : out_arr_) p = nullptr;
  col_valid_.assign(f_.fields.size(), nullptr);
  col_data_.assign(f_.fields.size(), nullptr);
  score_ = sub_ = conf_ = nullptr;
  seg_known_ = seg_excluded_ = nullptr;
  return fn_;
}

void FnBuilder::endSegment() {
  flushCounters();
  if (score_) {
    b_.CreateStore(score_, frameField(2));
    b_.CreateStore(sub_, frameField(3));
  }
  b_.CreateRetVoid();
  BasicBlock* body = &*std::next(fn_->begin());
  BranchInst::Create(body, entry_);
}

// Adds this segment's rule counters to the frame.
void FnBuilder::flushCounters() {
  if (seg_known_) {
    b_.CreateStore(b_.CreateAdd(b_.CreateLoad(i64, frameField(0)), seg_known_), frameField(0));
    seg_known_ = nullptr;
  }
  if (seg_excluded_) {
    Value* was = b_.CreateLoad(i8, frameField(1));
    b_.CreateStore(b_.CreateOr(was, b_.CreateZExt(seg_excluded_, i8)), frameField(1));
    seg_excluded_ = nullptr;
  }
}

void FnBuilder::emitItem(const Item& it) {
  switch (it.kind) {
    case Item::Inst: {
      ir::ValueId i = it.index;
      vals_[i] = emitInst(f_.insts[i]);
      vals_at_[i] = cur_;
      if (slot_[i] != kNone) {
        const Val& x = vals_[i];
        b_.CreateStore(x.p, slotAddr(b_, slot_[i], 0));
        if (x.p2) b_.CreateStore(x.p2, slotAddr(b_, slot_[i], 1));
        b_.CreateStore(b_.CreateZExt(x.k, i8), slotAddr(b_, slot_[i], 2));
      }
      return;
    }
    case Item::Tail: emitRuleTail(it.index); return;
    case Item::Score: emitScoreOp(score_ops_[it.index]); return;
    case Item::Conf: emitConf(); return;
    case Item::Final: emitFinal(); return;
  }
}

// Rule k's state and points, stored in the result arrays.
void FnBuilder::emitRuleTail(size_t k) {
  const ir::Rule& rule = f_.rules[k];
  Value* zero = ConstantFP::get(dbl, 0.0);
  const Val& cond = v(rule.cond);
  Value* ctrue = and1(cond.k, cond.p);
  Value* state;
  Value* pts = zero;
  if (rule.kind == ir::RuleKind::Exclude) {
    seg_excluded_ = seg_excluded_ ? or1(seg_excluded_, ctrue) : ctrue;
    state = sel(ctrue, b_.getInt8(ICP_RULE_TRUE),
                            sel(cond.k, b_.getInt8(ICP_RULE_FALSE),
                                            b_.getInt8(ICP_RULE_UNKNOWN)));
  } else {
    Val p = lazyPoints(k, ctrue);
    Value* fired = and1(ctrue, p.k);
    Value* cfalse = and1(cond.k, not1(cond.p));
    state = sel(fired, b_.getInt8(ICP_RULE_TRUE),
                            sel(cfalse, b_.getInt8(ICP_RULE_FALSE),
                                            b_.getInt8(ICP_RULE_UNKNOWN)));
    pts = sel(fired, p.p, zero);
    contrib_[k] = pts;
    contrib_at_[k] = cur_;
    Value* not_unknown = b_.CreateZExt(b_.CreateICmpNE(state, b_.getInt8(ICP_RULE_UNKNOWN)), i64);
    seg_known_ = seg_known_ ? b_.CreateAdd(seg_known_, not_unknown) : not_unknown;
  }
  Value* at = b_.CreateAdd(rowBase(), b_.getInt64(k));
  b_.CreateStore(state, b_.CreateGEP(i8, outArray(4), at));
  b_.CreateStore(pts, b_.CreateGEP(dbl, outArray(5), at));
}

// One step of the score in the documented order: score and the group
// subtotal are carried from segment to segment in the frame.
void FnBuilder::emitScoreOp(const ScoreOp& op) {
  if (!score_) {
    score_ = b_.CreateLoad(dbl, frameField(2));
    sub_ = b_.CreateLoad(dbl, frameField(3));
  }
  switch (op.kind) {
    case ScoreOp::Rule: score_ = b_.CreateFAdd(score_, contrib(op.index)); return;
    case ScoreOp::GroupBegin: sub_ = ConstantFP::get(dbl, 0.0); return;
    case ScoreOp::GroupRule: sub_ = b_.CreateFAdd(sub_, contrib(op.index)); return;
    case ScoreOp::GroupEnd: {
      const ir::Group& g = f_.groups.at(op.index);
      Value* sub = sub_;
      if (g.has_cap) {
        Value* cap = ConstantFP::get(dbl, g.cap);
        sub = b_.CreateSelect(b_.CreateFCmpOLT(cap, sub), cap, sub);  // std::min(sub, cap)
      }
      score_ = b_.CreateFAdd(score_, sub);
      return;
    }
  }
}

// confidence = (#signals and triggers not UNKNOWN) / (#signals and triggers).
void FnBuilder::emitConf() {
  uint64_t scored = 0;
  for (const auto& r : f_.rules) scored += r.kind != ir::RuleKind::Exclude;
  if (!score_) score_ = b_.CreateLoad(dbl, frameField(2)), sub_ = b_.CreateLoad(dbl, frameField(3));
  if (scored == 0) {
    conf_ = ConstantFP::get(dbl, 1.0);
  } else {
    flushCounters();
    Value* known = b_.CreateLoad(i64, frameField(0));
    conf_ = b_.CreateFDiv(b_.CreateSIToFP(known, dbl), ConstantFP::get(dbl, static_cast<double>(scored)));
  }
  b_.CreateStore(conf_, frameField(4));
  b_.CreateStore(score_, frameField(2));
}

// The tier, and the row's score, tier and confidence stored.
void FnBuilder::emitFinal() {
  flushCounters();
  Value* tier = b_.getInt32(static_cast<uint32_t>(ICP_TIER_OUT));
  for (size_t t = f_.tiers.size(); t-- > 0;) {
    const Val& c = v(f_.tiers[t].cond);
    tier = sel(and1(c.k, c.p), b_.getInt32(static_cast<uint32_t>(t)), tier);
  }
  Value* excluded = b_.CreateICmpNE(b_.CreateLoad(i8, frameField(1)), b_.getInt8(0));
  tier = sel(excluded, b_.getInt32(static_cast<uint32_t>(ICP_TIER_EXCLUDED)), tier);
  Value* score = score_seg_ == cur_ && score_ ? score_ : b_.CreateLoad(dbl, frameField(2));
  Value* conf = conf_seg_ == cur_ && conf_ ? conf_ : b_.CreateLoad(dbl, frameField(4));
  b_.CreateStore(score, b_.CreateGEP(dbl, outArray(1), row_));
  b_.CreateStore(tier, b_.CreateGEP(i32, outArray(2), row_));
  b_.CreateStore(conf, b_.CreateGEP(dbl, outArray(3), row_));
}

void FnBuilder::build() {
  plan();
  const uint32_t nseg = static_cast<uint32_t>(seg_begin_.size() - 1);
  vals_.assign(f_.insts.size(), Val{});
  vals_at_.assign(f_.insts.size(), kNone);
  contrib_.assign(f_.rules.size(), nullptr);
  contrib_at_.assign(f_.rules.size(), kNone);
  for (uint32_t s = 0; s < nseg; ++s) {
    Function* seg = beginSegment(s);
    // One segment is inlined into the loop; several stay functions, so
    // that each is optimised and compiled on its own.
    seg->addFnAttr(nseg == 1 ? Attribute::AlwaysInline : Attribute::NoInline);
    for (uint32_t j = seg_begin_[s]; j < seg_begin_[s + 1]; ++j) emitItem(items_[j]);
    endSegment();
    segments_.push_back(seg);
  }

  // The batch function: a loop over rows calling the segments in order.
  auto* fty = FunctionType::get(b_.getVoidTy(), {ptr, i64, ptr, ptr}, false);
  Function* fn = Function::Create(fty, GlobalValue::ExternalLinkage, score_symbol(f_), m_);
  fn->addFnAttr(Attribute::NoUnwind);
  Value* in = fn->getArg(0);
  Value* asof = fn->getArg(1);
  Value* out = fn->getArg(2);
  Value* ctx = fn->getArg(3);
  for (unsigned i : {0u, 2u}) {
    fn->addParamAttr(i, Attribute::NoAlias);
    fn->addParamAttr(i, Attribute::ReadOnly);
  }
  fn->addParamAttr(2, Attribute::NoCapture);
  BasicBlock* entry = BasicBlock::Create(C, "entry", fn);
  BasicBlock* loop = BasicBlock::Create(C, "row", fn);
  BasicBlock* exit = BasicBlock::Create(C, "exit", fn);
  b_.SetInsertPoint(entry);
  Value* rows = b_.CreateLoad(i64, b_.CreateStructGEP(batchT, in, 0), "rows");
  Value* frame = b_.CreateAlloca(frameT, nullptr, "frame");
  auto reset = rt("icp_rt_ctx_reset", b_.getVoidTy(), {ptr});
  b_.CreateCall(reset, {ctx});
  Value* slots = ConstantPointerNull::get(ptr);
  if (nslots_ > 0) {
    auto scratch = rt("icp_rt_ctx_scratch", ptr, {ptr, i64});
    slots = b_.CreateCall(scratch, {ctx, b_.getInt64(uint64_t(nslots_) * 24)}, "slots");
  }
  b_.CreateCondBr(b_.CreateICmpEQ(rows, b_.getInt64(0)), exit, loop);

  b_.SetInsertPoint(loop);
  PHINode* r = b_.CreatePHI(i64, 2, "r");
  r->addIncoming(b_.getInt64(0), entry);
  // Strings computed for one row are dead after it: keep the arena small.
  if (uses_arena_) b_.CreateCall(reset, {ctx});
  b_.CreateStore(b_.getInt64(0), b_.CreateStructGEP(frameT, frame, 0));
  b_.CreateStore(b_.getInt8(0), b_.CreateStructGEP(frameT, frame, 1));
  b_.CreateStore(ConstantFP::get(dbl, 0.0), b_.CreateStructGEP(frameT, frame, 2));
  b_.CreateStore(ConstantFP::get(dbl, 0.0), b_.CreateStructGEP(frameT, frame, 3));
  b_.CreateStore(ConstantFP::get(dbl, 1.0), b_.CreateStructGEP(frameT, frame, 4));
  for (Function* seg : segments_) b_.CreateCall(seg, {in, asof, out, ctx, r, frame, slots});
  Value* next = b_.CreateAdd(r, b_.getInt64(1), "r.next");
  r->addIncoming(next, b_.GetInsertBlock());
  b_.CreateCondBr(b_.CreateICmpULT(next, rows), loop, exit);
  b_.SetInsertPoint(exit);
  b_.CreateRetVoid();
}

}  // namespace

void build_score_function(llvm::Module& m, const ir::Function& f, const CodegenOptions& opt) {
  FnBuilder(m, f, opt).build();
  std::string msg;
  llvm::raw_string_ostream os(msg);
  if (llvm::verifyModule(m, &os))
    throw std::runtime_error("invalid LLVM IR for profile " + f.name + ": " + os.str());
}

}  // namespace icp::codegen
