#include "syntax/code_points.h"

#include "source/source.h"

namespace icp::syntax {

std::u32string decode_code_points(std::string_view text, std::vector<uint32_t>* cp_to_byte) {
  std::u32string code_points;
  code_points.reserve(text.size());
  bool ascii = true;
  for (unsigned char c : text) ascii = ascii && c < 0x80;
  if (ascii) {
    code_points.assign(text.begin(), text.end());
    return code_points;
  }
  cp_to_byte->reserve(text.size() + 1);
  for (size_t i = 0; i < text.size();) {
    cp_to_byte->push_back(static_cast<uint32_t>(i));
    code_points.push_back(static_cast<char32_t>(decode_utf8(text, i)));
  }
  cp_to_byte->push_back(static_cast<uint32_t>(text.size()));
  return code_points;
}

}  // namespace icp::syntax
