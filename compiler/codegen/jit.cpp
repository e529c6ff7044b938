// make_jit: builds the profile's LLVM module, runs O2 and hands it to a
// fresh ORC LLJIT (one per engine, so concurrent make_jit calls share no
// LLVM state but the once-initialised target registry). The runtime
// functions are defined as absolute symbols; libc (memset, memcpy, which
// optimisation may introduce) comes from the process.
#include <llvm/ExecutionEngine/Orc/Core.h>
#include <llvm/ExecutionEngine/Orc/ExecutionUtils.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/ExecutionEngine/Orc/ThreadSafeModule.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/Target/TargetMachine.h>

#include <mutex>
#include <stdexcept>

#include "codegen/codegen_internal.h"
#include "codegen/jit.h"
#include "icp/rt_calls.h"
#include "source/deep_stack.h"

namespace icp::codegen {
namespace {

using ScoreFn = void (*)(const icp_batch_view*, int64_t, const icp_result_view*, icp_rt_ctx*);

class JitEngine final : public ir::Engine {
 public:
  JitEngine(ir::Function f, std::unique_ptr<llvm::orc::LLJIT> jit, ScoreFn fn)
      : f_(std::move(f)), jit_(std::move(jit)), fn_(fn) {
    for (const auto& re : f_.regexes) patterns_.push_back(re.c_str());
  }
  ~JitEngine() override {
    for (icp_rt_ctx* c : pool_) icp_rt_ctx_free(c);
  }

  void score(const icp_batch_view& in, int64_t as_of, const icp_result_view& out) const override {
    if (in.rows == 0) return;
    // Compiled code reads valid[] of every column it uses; a NULL valid
    // array (allowed by the interpreter: "all rows have a value") is
    // replaced by ones here.
    bool null_valid = false;
    for (size_t i = 0; i < f_.fields.size(); ++i) null_valid = null_valid || !in.columns[i].valid;
    icp_rt_ctx* ctx = acquire();
    if (!null_valid) {
      fn_(&in, as_of, &out, ctx);
    } else {
      std::vector<uint8_t> ones(in.rows, 1);
      std::vector<icp_column> cols(in.columns, in.columns + f_.fields.size());
      for (auto& c : cols)
        if (!c.valid) c.valid = ones.data();
      icp_batch_view v{in.rows, cols.data()};
      fn_(&v, as_of, &out, ctx);
    }
    release(ctx);
  }
  const ir::Function& function() const override { return f_; }

 private:
  // Scratch contexts (arena + compiled regexes) are reused across calls;
  // each is used by one thread at a time.
  icp_rt_ctx* acquire() const {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!pool_.empty()) {
        icp_rt_ctx* c = pool_.back();
        pool_.pop_back();
        return c;
      }
    }
    return icp_rt_ctx_new(patterns_.data(), static_cast<uint32_t>(patterns_.size()));
  }
  void release(icp_rt_ctx* c) const {
    std::lock_guard<std::mutex> lock(mu_);
    pool_.push_back(c);
  }

  ir::Function f_;
  std::unique_ptr<llvm::orc::LLJIT> jit_;
  ScoreFn fn_;
  std::vector<const char*> patterns_;
  mutable std::mutex mu_;
  mutable std::vector<icp_rt_ctx*> pool_;
};

template <class T>
bool take(llvm::Expected<T>& e, std::string* error) {
  if (e) return true;
  std::string msg = llvm::toString(e.takeError());
  if (error) *error = msg;
  return false;
}

bool check(llvm::Error e, std::string* error) {
  if (!e) return true;
  std::string msg = llvm::toString(std::move(e));
  if (error) *error = msg;
  return false;
}

}  // namespace

static std::unique_ptr<ir::Engine> make_jit_here(const ir::Function& f, std::string* error,
                                          const CodegenOptions& options) {
  using namespace llvm;
  using namespace llvm::orc;
  ensure_llvm_initialized();
  try {
    auto jtmb = JITTargetMachineBuilder::detectHost();
    if (!take(jtmb, error)) return nullptr;
    OptTier tier = choose_tier(options, f.insts.size());
    jtmb->setCodeGenOptLevel(tier == OptTier::Light ? CodeGenOptLevel::None : CodeGenOptLevel::Default);
    jtmb->getOptions().AllowFPOpFusion = FPOpFusion::Strict;
    auto tm = jtmb->createTargetMachine();
    if (!take(tm, error)) return nullptr;
    auto jit = LLJITBuilder().setJITTargetMachineBuilder(*jtmb).create();
    if (!take(jit, error)) return nullptr;

    JITDylib& jd = (*jit)->getMainJITDylib();
    SymbolMap syms;
    for (const RtSymbol& s : rt_symbols())
      syms[(*jit)->mangleAndIntern(s.name)] =
          ExecutorSymbolDef(ExecutorAddr::fromPtr(s.address),
                            JITSymbolFlags::Exported | JITSymbolFlags::Callable);
    if (!check(jd.define(absoluteSymbols(std::move(syms))), error)) return nullptr;
    auto gen = DynamicLibrarySearchGenerator::GetForCurrentProcess(
        (*jit)->getDataLayout().getGlobalPrefix());
    if (!take(gen, error)) return nullptr;
    jd.addGenerator(std::move(*gen));

    auto ctx = std::make_unique<LLVMContext>();
    auto m = std::make_unique<Module>("icp." + f.name, *ctx);
    m->setDataLayout((*jit)->getDataLayout());
    m->setTargetTriple((*jit)->getTargetTriple().str());
    build_score_function(*m, f, options);
    optimize(*m, tm->get(), tier);
    if (!check((*jit)->addIRModule(ThreadSafeModule(std::move(m), std::move(ctx))), error))
      return nullptr;
    auto sym = (*jit)->lookup(score_symbol(f));
    if (!take(sym, error)) return nullptr;
    auto fn = sym->toPtr<ScoreFn>();
    return std::make_unique<JitEngine>(f, std::move(*jit), fn);
  } catch (const std::exception& e) {
    if (error) *error = e.what();
    return nullptr;
  }
}

// On a deep stack (source/deep_stack.h), like the front end: LLVM's passes
// recurse over long chains of values, and the caller may be a host thread
// with a small stack.
std::unique_ptr<ir::Engine> make_jit(const ir::Function& f, std::string* error,
                                     const CodegenOptions& options) {
  return with_deep_stack([&] { return make_jit_here(f, error, options); });
}

}  // namespace icp::codegen
