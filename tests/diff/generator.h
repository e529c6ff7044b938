// Random well-typed ICP programs and random records for the differential
// test (interpreter vs JIT). A fixed schema of optional and plain fields of
// every type; profiles of random lets, excludes, signals, triggers (with
// windows and half-lives), groups with caps and tiers on score/confidence.
#pragma once
#include <cstdint>
#include <random>
#include <string>

#include "icp/rt/value.h"

namespace icp::difftest {

// The source text of one program with one profile named `P` on schema `R`.
std::string random_program(std::mt19937_64& rng);

// A record of schema R (values missing at random), as field values in
// schema order.
rt::Record random_record(std::mt19937_64& rng);

// The scoring date used for generated records' dates.
inline constexpr int64_t kAsOf = 20500;  // 2026-02-16

}  // namespace icp::difftest
