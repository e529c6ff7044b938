// Semantic tokens: what each name in the main file is (field, let, enum
// member, function, ...) and where the comments are, for editors to colour
// by meaning rather than by grammar alone.
#pragma once
#include <string>
#include <vector>

#include "sema/program.h"

namespace icp::ide {

// Indices into token_types() / bits of token_modifiers(): the legend.
enum TokenType : uint32_t {
  kTokType, kTokEnum, kTokEnumMember, kTokProperty, kTokVariable, kTokParameter, kTokFunction, kTokClass,
  kTokComment,
};
enum TokenModifier : uint32_t { kModDeclaration = 1, kModReadonly = 2, kModDefaultLibrary = 4, kModDocumentation = 8 };
const std::vector<std::string>& token_types();
const std::vector<std::string>& token_modifiers();

struct SemanticToken {
  SourceRange range;  // may span lines only for block comments
  uint32_t type;
  uint32_t modifiers;
};

// Tokens of the main file in source order.
std::vector<SemanticToken> semantic_tokens(const sema::Program& p);

}  // namespace icp::ide
