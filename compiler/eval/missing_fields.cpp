// The walk behind `icp explain`'s "unknown because ... is missing": from a
// rule's IR values back to the Field instructions they depend on, keeping
// the fields that have no value in the record.
#include <vector>

#include "eval/explain.h"

namespace icp::eval {

std::vector<std::string> missing_fields(const ir::Function& f, const std::vector<ir::ValueId>& roots,
                                        const rt::Batch& batch, size_t row) {
  std::vector<bool> seen(f.insts.size(), false), field_used(f.fields.size(), false);
  std::vector<ir::ValueId> stack;
  for (ir::ValueId r : roots)
    if (r != ir::kNoValue) stack.push_back(r);
  while (!stack.empty()) {
    ir::ValueId v = stack.back();
    stack.pop_back();
    if (v >= f.insts.size() || seen[v]) continue;
    seen[v] = true;
    const ir::Inst& i = f.insts[v];
    switch (i.op) {
      case ir::Op::Field:
        if (i.extra < field_used.size()) field_used[i.extra] = true;
        break;
      case ir::Op::Call:
        for (uint32_t k = 0; k < i.b; ++k) stack.push_back(f.call_args[i.a + k]);
        break;
      default:
        for (ir::ValueId o : {i.a, i.b, i.c})
          if (o != ir::kNoValue) stack.push_back(o);
    }
  }
  std::vector<std::string> out;
  for (size_t k = 0; k < f.fields.size(); ++k)
    if (field_used[k] && k < batch.columns.size() && !batch.columns[k].valid[row]) out.push_back(f.fields[k].name);
  return out;
}

}  // namespace icp::eval
