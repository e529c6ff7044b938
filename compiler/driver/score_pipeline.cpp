// The parallel, ordered scoring pipeline of `icp score`. See score_pipeline.h.
#include "driver/score_pipeline.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "icp/rt/writers.h"

namespace icp::driver {

namespace {

using Clock = std::chrono::steady_clock;

int64_t ns_since(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t).count();
}

class Pipeline {
 public:
  Pipeline(rt::RowSource& src, const eval::Scorer& scorer, const PipelineConfig& cfg, PhaseTimes& times)
      : src_(src), scorer_(scorer), cfg_(cfg), times_(times) {
    size_t n = size_t(cfg.workers) * 2 + 2;
    for (size_t i = 0; i < n; ++i) {
      pool_.push_back(std::make_unique<ScoredChunk>());
      free_.push_back(pool_.back().get());
    }
    done_.assign(n, nullptr);
  }

  bool run(ChunkConsumer& consumer);

 private:
  void reader();
  void worker();
  void process(ScoredChunk& c) const;
  void fail(std::exception_ptr e);
  // Body of a thread: runs f, turning an exception into a stopped pipeline.
  template <class F>
  void guarded(F f) {
    try {
      f();
    } catch (...) {
      fail(std::current_exception());
    }
  }

  rt::RowSource& src_;
  const eval::Scorer& scorer_;
  const PipelineConfig cfg_;
  PhaseTimes& times_;

  std::mutex m_;
  std::condition_variable free_cv_, work_cv_, done_cv_;
  std::vector<std::unique_ptr<ScoredChunk>> pool_;
  std::vector<ScoredChunk*> free_;
  std::deque<ScoredChunk*> work_;
  std::vector<ScoredChunk*> done_;  // scored chunks by seq % pool size
  bool reading_done_ = false, stop_ = false;
  uint64_t total_chunks_ = 0;
  std::exception_ptr error_;
};

void Pipeline::fail(std::exception_ptr e) {
  {
    std::lock_guard lk(m_);
    if (!error_) error_ = e;
    stop_ = true;
  }
  free_cv_.notify_all();
  work_cv_.notify_all();
  done_cv_.notify_all();
}

void Pipeline::reader() {
  for (uint64_t seq = 0;; ++seq) {
    ScoredChunk* c = nullptr;
    {
      std::unique_lock lk(m_);
      auto t0 = Clock::now();
      free_cv_.wait(lk, [&] { return !free_.empty() || stop_; });
      times_.reader_stall += ns_since(t0);
      if (stop_) return;
      c = free_.back();
      free_.pop_back();
    }
    c->rejects.clear();
    auto t0 = Clock::now();
    bool any = src_.next_chunk(c->batch, c->rejects, cfg_.chunk_rows);
    times_.read += ns_since(t0);
    std::lock_guard lk(m_);
    if (!any) {
      free_.push_back(c);
      reading_done_ = true;
      total_chunks_ = seq;
      work_cv_.notify_all();
      done_cv_.notify_all();
      return;
    }
    c->seq = seq;
    work_.push_back(c);
    work_cv_.notify_one();
  }
}

void Pipeline::process(ScoredChunk& c) const {
  const rt::ProfileInfo& info = scorer_.info();
  auto t0 = Clock::now();
  if (c.batch.rows > 0) scorer_.score(c.batch, cfg_.as_of, c.results);
  else c.results.reset(0, info.rules.size());
  times_.score += ns_since(t0);

  t0 = Clock::now();
  c.text.clear();
  c.rejects_text.clear();
  for (size_t r = 0; r < c.batch.rows; ++r) {
    rt::ScoreResult res = c.results.row(r, info);
    if (cfg_.ndjson_out) rt::append_ndjson_result(c.text, c.batch, r, res, info);
    else rt::append_csv_result(c.text, c.batch, r, res, info);
  }
  for (const rt::Reject& x : c.rejects) rt::append_reject(c.rejects_text, x);
  c.tally.init(info, &scorer_.schema());
  c.tally.add(c.results);
  c.tally.add_dates(c.batch, cfg_.as_of);
  c.tally.rejected = int64_t(c.rejects.size());
  times_.format += ns_since(t0);
}

void Pipeline::worker() {
  for (;;) {
    ScoredChunk* c = nullptr;
    {
      std::unique_lock lk(m_);
      work_cv_.wait(lk, [&] { return !work_.empty() || reading_done_ || stop_; });
      if (stop_ || work_.empty()) return;
      c = work_.front();
      work_.pop_front();
    }
    process(*c);
    {
      std::lock_guard lk(m_);
      done_[c->seq % done_.size()] = c;
    }
    done_cv_.notify_all();
  }
}

bool Pipeline::run(ChunkConsumer& consumer) {
  std::vector<std::thread> threads;
  threads.emplace_back([this] { guarded([this] { reader(); }); });
  for (int i = 0; i < cfg_.workers; ++i) threads.emplace_back([this] { guarded([this] { worker(); }); });

  bool ok = true;
  uint64_t next = 0;
  const size_t ring = done_.size();
  for (;;) {
    ScoredChunk* c = nullptr;
    bool finished = false;
    {
      std::unique_lock lk(m_);
      auto ready = [&] {
        ScoredChunk* s = done_[next % ring];
        return (s && s->seq == next) || (reading_done_ && next == total_chunks_) || stop_;
      };
      auto t0 = Clock::now();
      bool woke = done_cv_.wait_for(lk, std::chrono::milliseconds(100), ready);
      times_.consumer_stall += ns_since(t0);
      if (woke) {
        ScoredChunk* s = done_[next % ring];
        if (stop_) finished = true;
        else if (s && s->seq == next) c = s, done_[next % ring] = nullptr;
        else finished = true;
      }
    }
    if (finished) break;
    if (c) {
      auto t0 = Clock::now();
      bool go = false;
      try {
        go = consumer.consume(*c);
      } catch (...) {
        fail(std::current_exception());
        break;
      }
      times_.write += ns_since(t0);
      ++next;
      {
        std::lock_guard lk(m_);
        free_.push_back(c);
      }
      free_cv_.notify_one();
      if (!go) {
        ok = false;
        fail(nullptr);
        break;
      }
    }
    consumer.idle();
  }
  for (auto& t : threads) t.join();
  if (error_) std::rethrow_exception(error_);
  return ok;
}

}  // namespace

bool run_score_pipeline(rt::RowSource& src, const eval::Scorer& scorer, const PipelineConfig& cfg,
                        ChunkConsumer& consumer, PhaseTimes& times) {
  Pipeline p(src, scorer, cfg, times);
  return p.run(consumer);
}

}  // namespace icp::driver
