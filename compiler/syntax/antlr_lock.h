// Private to syntax/. ANTLR's C++ runtime shares its DFA and prediction
// caches between recognizer instances without locking: whoever runs a
// generated lexer or parser holds this lock for as long as it does.
#pragma once
#include <mutex>

namespace icp::syntax {

std::mutex& antlr_mutex();

}  // namespace icp::syntax
