// Private to the completion code: the blocks the text before the cursor
// opened (a declaration's braces, a group's, a test's `given`, a set
// literal, parentheses), innermost last, each with the statement being
// written in it. A declaration keyword at the start of a line closes the
// blocks left open before it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "ide/completion_tokens.h"

namespace icp::ide::completion {

enum class Block : uint8_t { Top, Enum, Schema, Profile, Group, Test, Given, Set, Parens };

struct Frame {
  explicit Frame(Block b) : block(b) {}
  Block block;
  std::vector<Tok> stmt;           // the statement being written in this block
  std::vector<std::string> lets;   // Profile, Group: lets of the finished statements
  std::vector<std::string> params; // Top: the parameters of the def being written
  std::string name, schema;        // Profile: header; Test: its `profile X`
  std::string callee;              // Parens: the function called, if any
  int commas = 0;                  // Parens: arguments before the cursor's
};

// Whether a statement has the word or punctuation `w`, and how often a word.
bool has(const std::vector<Tok>& s, std::string_view w);
size_t count(const std::vector<Tok>& s, std::string_view w);

// The open blocks after `toks` (the first is the file's top level).
std::vector<Frame> read_blocks(const std::vector<Tok>& toks);

}  // namespace icp::ide::completion
