// Batch construction and row access. See icp/rt/batch.h.
#include "icp/rt/batch.h"

namespace icp::rt {

void Column::clear() { resize(0); }

void Column::resize(size_t n) {
  valid.resize(n);
  switch (kind) {
    case ValueKind::Bool: b8.resize(n); break;
    case ValueKind::Int:
    case ValueKind::Duration: i64.resize(n); break;
    case ValueKind::Float: f64.resize(n); break;
    case ValueKind::Date:
    case ValueKind::Enum: i32.resize(n); break;
    case ValueKind::String: str.resize(n); break;
    case ValueKind::StringSet:
      if (set_offsets.empty()) set_offsets.push_back(0);
      set_offsets.resize(n + 1, set_offsets.back());
      set_ids.resize(set_offsets[n]);
      break;
  }
}

void Batch::reset(const Schema& schema, const std::vector<std::string>& keep) {
  rows = 0;
  row_number.clear();
  line.clear();
  dict.clear();
  columns.resize(schema.fields.size());
  for (size_t f = 0; f < columns.size(); ++f) {
    columns[f].kind = schema.fields[f].kind;
    columns[f].optional = schema.fields[f].optional;
    columns[f].set_offsets.assign(1, 0);
    columns[f].clear();
  }
  kept.resize(keep.size());
  for (size_t k = 0; k < keep.size(); ++k) {
    kept[k].name = keep[k];
    kept[k].kind.clear();
    kept[k].id.clear();
  }
}

void Batch::append_record(const Record& rec, int64_t rn, int64_t ln) {
  for (size_t f = 0; f < columns.size(); ++f) {
    Column& c = columns[f];
    const Value v = f < rec.values.size() ? rec.values[f] : Value();
    bool ok = v.present();
    c.valid.push_back(ok || (c.kind == ValueKind::StringSet && !c.optional));
    switch (c.kind) {
      case ValueKind::Bool: c.b8.push_back(ok && v.as_bool()); break;
      case ValueKind::Int: c.i64.push_back(ok ? v.as_int() : 0); break;
      case ValueKind::Duration: c.i64.push_back(ok ? v.as_duration() : 0); break;
      case ValueKind::Float: c.f64.push_back(ok ? v.as_float() : 0); break;
      case ValueKind::Date: c.i32.push_back(ok ? v.as_date() : 0); break;
      case ValueKind::Enum: c.i32.push_back(ok ? v.as_enum() : 0); break;
      case ValueKind::String: c.str.push_back(ok ? dict.intern(v.as_string()) : 0); break;
      case ValueKind::StringSet:
        if (ok)
          for (const auto& item : v.as_set()) {
            uint32_t id = dict.intern(item);
            bool dup = false;
            for (size_t i = c.set_offsets.back(); i < c.set_ids.size(); ++i) dup = dup || c.set_ids[i] == id;
            if (!dup) c.set_ids.push_back(id);
          }
        c.set_offsets.push_back(uint32_t(c.set_ids.size()));
        break;
    }
  }
  for (auto& k : kept) {
    k.kind.push_back(KeptColumn::Absent);
    k.id.push_back(0);
  }
  row_number.push_back(rn);
  line.push_back(ln);
  ++rows;
}

Value Batch::value(size_t f, size_t r) const {
  const Column& c = columns[f];
  if (!c.valid[r]) return Value();
  switch (c.kind) {
    case ValueKind::Bool: return Value::boolean(c.b8[r] != 0);
    case ValueKind::Int: return Value::integer(c.i64[r]);
    case ValueKind::Duration: return Value::duration(c.i64[r]);
    case ValueKind::Float: return Value::real(c.f64[r]);
    case ValueKind::Date: return Value::date(c.i32[r]);
    case ValueKind::Enum: return Value::enumeration(c.i32[r]);
    case ValueKind::String: return Value::string(std::string(dict.get(c.str[r])));
    case ValueKind::StringSet: {
      StringSet s;
      for (uint32_t i = c.set_offsets[r]; i < c.set_offsets[r + 1]; ++i) s.emplace_back(dict.get(c.set_ids[i]));
      return Value::set(std::move(s));
    }
  }
  return Value();
}

Record Batch::record(size_t r) const {
  Record rec;
  for (size_t f = 0; f < columns.size(); ++f) rec.values.push_back(value(f, r));
  return rec;
}

}  // namespace icp::rt
