// Cells of one record -> one Batch row or a reject reason. See row_builder.h.
#include "row_builder.h"

#include <algorithm>
#include <cstdint>

#include "icp/rt/utf8.h"

namespace icp::rt {

RowBuilder::RowBuilder(const Schema& schema, const ReadOptions& opts)
    : schema_(schema),
      opts_(opts),
      slots_(schema.fields.size()),
      lenient_by_field_(schema.fields.size(), 0),
      lenient_column_(schema.fields.size()),
      lenient_row_(schema.fields.size(), 0) {}

void describe_problems(std::vector<CellProblem>& problems, std::string& column, std::string& reason) {
  std::stable_sort(problems.begin(), problems.end(),
                   [](const CellProblem& a, const CellProblem& b) { return a.order < b.order; });
  column.clear();
  reason.clear();
  if (problems.empty()) return;
  column = problems[0].column;
  reason = problems[0].reason;
  for (size_t i = 1; i < problems.size(); ++i) reason += "; " + problems[i].column + ": " + problems[i].reason;
}

std::vector<std::pair<std::string, int64_t>> RowBuilder::lenient_by_column() const {
  std::vector<std::pair<std::string, int64_t>> out;
  for (size_t f = 0; f < lenient_by_field_.size(); ++f)
    if (lenient_by_field_[f] > 0)
      out.emplace_back(lenient_column_[f].empty() ? schema_.fields[f].column : lenient_column_[f], lenient_by_field_[f]);
  return out;
}

namespace {
const char* article_kind(const FieldSpec& f) {
  switch (f.kind) {
    case ValueKind::Int: return "an int";
    case ValueKind::Float: return "a float";
    case ValueKind::Bool: return "a bool";
    case ValueKind::String: return "a string";
    case ValueKind::Date: return "a date";
    case ValueKind::Duration: return "a duration";
    case ValueKind::StringSet: return "a set<string>";
    case ValueKind::Enum: return "an enum";
  }
  return "a value";
}
}  // namespace

bool RowBuilder::read_cell(size_t f, CellInput& c, Slot& slot, std::string& reason) {
  const FieldSpec& fs = schema_.fields[f];
  switch (c.kind) {
    case CellInput::Absent: return true;
    case CellInput::Unreadable: return false;
    case CellInput::Object:
      reason = std::string("cannot read a JSON object as ") + (fs.kind == ValueKind::Enum && fs.enum_spec ? "a " + fs.enum_spec->name : article_kind(fs));
      return false;
    case CellInput::BadArray:
      reason = "cannot read a JSON array holding arrays or objects as a set<string>";
      return false;
    case CellInput::Array:
      if (fs.kind != ValueKind::StringSet) {
        reason = std::string("cannot read a JSON array as ") + (fs.kind == ValueKind::Enum && fs.enum_spec ? "a " + fs.enum_spec->name : article_kind(fs));
        return false;
      }
      slot.items.clear();
      for (auto item : c.items) {
        item = trim_view(item);
        if (item.empty()) continue;
        bool dup = false;
        for (auto seen : slot.items) dup = dup || seen == item;
        if (!dup) slot.items.push_back(item);
      }
      slot.valid = true;
      return true;
    case CellInput::Text: break;
  }
  std::string_view t = trim_view(c.text);
  if (t.empty()) return true;
  bool ok = true;
  switch (fs.kind) {
    case ValueKind::Bool: {
      bool b = false;
      ok = parse_bool_cell(t, b, reason);
      slot.i = b;
      break;
    }
    case ValueKind::Int: ok = parse_int_cell(t, slot.i, reason); break;
    case ValueKind::Float: ok = parse_float_cell(t, slot.d, reason); break;
    case ValueKind::String: slot.s = t; break;
    case ValueKind::Date: {
      int32_t d = 0;
      ok = parse_date_value(t, opts_.date_format, d, reason);
      slot.i = d;
      break;
    }
    case ValueKind::Duration: ok = parse_duration_cell(t, slot.i, reason); break;
    case ValueKind::Enum: {
      int32_t m = 0;
      if (!fs.enum_spec) {
        reason = "internal error: enum field '" + fs.name + "' has no EnumSpec";
        return false;
      }
      ok = parse_enum_cell(t, *fs.enum_spec, m, reason);
      slot.i = m;
      break;
    }
    case ValueKind::StringSet: {
      if (t.front() == '[' && t.back() == ']') {
        // A JSON array of strings in a cell; anything else is split.
        Value v;
        if (convert_text(t, fs, opts_, v, reason)) {
          // convert_text copies; keep views into the cell instead when it
          // was split, which is the common case. Rare: store as default.
          slot.def = std::move(v);
          slot.use_def = true;
          slot.valid = true;
          return true;
        }
      }
      split_set_cell(t, opts_.list_sep, slot.items);
      break;
    }
  }
  slot.valid = ok;
  return ok;
}

bool RowBuilder::add(std::vector<CellInput>& cells, Batch& out, std::vector<CellProblem>& problems, bool commit) {
  const size_t before = problems.size();
  const int64_t nfields = int64_t(schema_.fields.size());
  int64_t lenient = 0;
  bool unreadable = false;
  std::string reason;
  for (size_t f = 0; f < schema_.fields.size(); ++f) {
    const FieldSpec& fs = schema_.fields[f];
    Slot& slot = slots_[f];
    slot.valid = false;
    slot.use_def = false;
    slot.items.clear();
    lenient_row_[f] = 0;
    CellInput& c = cells[f];
    reason.clear();
    if (!read_cell(f, c, slot, reason)) {
      slot.valid = false;
      slot.use_def = false;
      if (c.kind == CellInput::Unreadable) {
        unreadable = true;  // the reader reports it
      } else if (opts_.lenient && (fs.optional || fs.has_default)) {
        ++lenient;
        lenient_row_[f] = 1;
      } else {
        problems.push_back({c.order, c.column.empty() ? fs.column : std::string(c.column), std::move(reason)});
        continue;
      }
    }
    if (slot.valid) continue;
    if (fs.has_default) {
      slot.def = fs.default_value;
      slot.use_def = slot.valid = fs.default_value.present();
    } else if (fs.optional) {
      // missing
    } else if (fs.kind == ValueKind::StringSet) {
      slot.valid = true;  // the empty set
    } else if (c.kind != CellInput::Unreadable) {
      std::string column = c.column.empty() ? fs.column : std::string(c.column);
      // An absent key has no place in the record: after every present cell.
      int64_t order = c.kind == CellInput::Absent && c.column.empty() ? INT64_MAX - nfields + int64_t(f) : c.order;
      problems.push_back({order, column, "missing required value for '" + column + "'"});
    }
  }
  if (unreadable || problems.size() > before || !commit) return false;
  for (size_t f = 0; f < lenient_row_.size(); ++f)
    if (lenient_row_[f]) {
      ++lenient_by_field_[f];
      if (!cells[f].column.empty() && lenient_column_[f].empty()) lenient_column_[f] = cells[f].column;
    }
  // Commit.
  for (size_t f = 0; f < schema_.fields.size(); ++f) {
    Column& col = out.columns[f];
    Slot& slot = slots_[f];
    col.valid.push_back(slot.valid);
    if (slot.use_def) {
      const Value& v = slot.def;
      switch (col.kind) {
        case ValueKind::Bool: col.b8.push_back(v.as_bool()); break;
        case ValueKind::Int: col.i64.push_back(v.as_int()); break;
        case ValueKind::Duration: col.i64.push_back(v.as_duration()); break;
        case ValueKind::Float: col.f64.push_back(v.as_float()); break;
        case ValueKind::Date: col.i32.push_back(v.as_date()); break;
        case ValueKind::Enum: col.i32.push_back(v.as_enum()); break;
        case ValueKind::String: col.str.push_back(out.dict.intern(v.as_string())); break;
        case ValueKind::StringSet:
          for (const auto& item : v.as_set()) {
            uint32_t id = out.dict.intern(item);
            bool dup = false;
            for (size_t i = col.set_offsets.back(); i < col.set_ids.size(); ++i) dup = dup || col.set_ids[i] == id;
            if (!dup) col.set_ids.push_back(id);
          }
          col.set_offsets.push_back(uint32_t(col.set_ids.size()));
          break;
      }
      continue;
    }
    bool v = slot.valid;
    switch (col.kind) {
      case ValueKind::Bool: col.b8.push_back(v ? uint8_t(slot.i) : 0); break;
      case ValueKind::Int:
      case ValueKind::Duration: col.i64.push_back(v ? slot.i : 0); break;
      case ValueKind::Float: col.f64.push_back(v ? slot.d : 0.0); break;
      case ValueKind::Date:
      case ValueKind::Enum: col.i32.push_back(v ? int32_t(slot.i) : 0); break;
      case ValueKind::String: col.str.push_back(v ? out.dict.intern(slot.s) : 0); break;
      case ValueKind::StringSet:
        if (v)
          for (auto item : slot.items) {
            uint32_t id = out.dict.intern(item);
            bool dup = false;
            for (size_t i = col.set_offsets.back(); i < col.set_ids.size(); ++i) dup = dup || col.set_ids[i] == id;
            if (!dup) col.set_ids.push_back(id);
          }
        col.set_offsets.push_back(uint32_t(col.set_ids.size()));
        break;
    }
  }
  lenient_ += lenient;
  return true;
}

}  // namespace icp::rt
