#include "snapshot_json.h"

#include "capture_kinds.h"
#include "file_io.h"
#include "text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace wslatlas {

namespace {

using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

// Writes JSON straight into a string, byte for byte as nlohmann's dump(2, ' ', false, replace) prints the
// same tree: a snapshot holds tens of thousands of processes, and building an ordered_json tree first is
// about seven times slower (bench_parse_infer JsonWrite). Structs go through their write() below.
class JsonWriter
{
public:
    explicit JsonWriter(std::string &out) : m_out(out) {}

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    // A member: its key, then its value.
    template <typename T> void field(std::string_view name, const T &v)
    {
        key(name);
        value(v);
    }
    // A member written only when it holds something (not 0, "", [] or unset): older readers do without it.
    template <typename T> void fieldIfSet(std::string_view name, const T &v)
    {
        if (isSet(v))
            field(name, v);
    }
    // A member whose empty text is written as null.
    void fieldOrNull(std::string_view name, const std::string &s)
    {
        key(name);
        s.empty() ? null() : value(s);
    }

    void value(std::string_view s)
    {
        separate();
        string(s);
    }
    void value(const char *s) { value(std::string_view(s)); }
    void value(const std::string &s) { value(std::string_view(s)); }
    void value(bool b)
    {
        separate();
        m_out += b ? "true" : "false";
    }
    void value(int n) { number(n); }
    void value(std::uint64_t n) { number(n); }
    // As nlohmann prints it (shortest round trip, "12.0" for a whole number): rare enough to go through it.
    void value(double d)
    {
        separate();
        m_out += json(d).dump();
    }
    void null()
    {
        separate();
        m_out += "null";
    }
    // A kind: its word (kinds.h).
    template <typename Enum>
    requires std::is_enum_v<Enum>
    void value(Enum e) { value(toString(e)); }
    template <typename T> void value(const std::optional<T> &v) { v ? value(*v) : null(); }
    template <typename T> void value(const std::vector<T> &items)
    {
        beginArray();
        for (const T &item : items)
            value(item);
        endArray();
    }
    void value(const std::map<std::string, std::string> &map)
    {
        beginObject();
        for (const auto &[name, text] : map)
            field(name, text);
        endObject();
    }
    // A struct of the snapshot: its write() below, found when the template is used.
    template <typename T>
    requires std::is_class_v<T>
    void value(const T &item) { write(*this, item); }

private:
    template <typename T> static bool isSet(const T &v)
    {
        if constexpr (requires { v.has_value(); })
            return v.has_value();
        else if constexpr (requires { v.empty(); })
            return !v.empty();
        else
            return v != T{};
    }

    void key(std::string_view name)
    {
        separate();
        string(name);
        m_out += ": ";
        m_afterKey = true;
    }

    template <typename T> void number(T n)
    {
        separate();
        char buf[24];
        const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
        m_out.append(buf, end);
    }

    // Printable ASCII needs no escaping, and /proc text nearly always is; anything else goes through
    // nlohmann, for its escapes and its U+FFFD in place of invalid UTF-8.
    void string(std::string_view s)
    {
        const bool plain = std::all_of(s.begin(), s.end(), [](char c) {
            const auto u = static_cast<unsigned char>(c);
            return u >= 0x20 && u < 0x80 && c != '"' && c != '\\';
        });
        if (plain) {
            m_out += '"';
            m_out += s;
            m_out += '"';
        } else {
            m_out += ojson(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
        }
    }

    // Before a value: nothing after its key; else a comma after the previous element, a new line, the indent.
    void separate()
    {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (m_firstInLevel.empty())
            return; // the document itself
        m_out += m_firstInLevel.back() ? "\n" : ",\n";
        m_firstInLevel.back() = false;
        m_out.append(2 * m_firstInLevel.size(), ' ');
    }
    void open(char bracket)
    {
        separate();
        m_out += bracket;
        m_firstInLevel.push_back(true);
    }
    void close(char bracket)
    {
        const bool empty = m_firstInLevel.back();
        m_firstInLevel.pop_back();
        if (!empty) { // nlohmann prints an empty one as {} or []
            m_out += '\n';
            m_out.append(2 * m_firstInLevel.size(), ' ');
        }
        m_out += bracket;
    }

    std::string &m_out;
    std::vector<bool> m_firstInLevel; // one per open object or array: no element written yet
    bool m_afterKey = false;
};

// Reading: small accessors that throw a message naming the field and where it is ("pid namespace 3"),
// caught once in snapshotFromJson.
struct FieldError
{
    std::string message;
};

bool has(const json &j, const char *key)
{
    return j.is_object() && j.contains(key) && !j.at(key).is_null();
}

std::string str(const json &j, const char *key, const std::string &where, bool required = false)
{
    if (!has(j, key)) {
        if (required)
            throw FieldError{where + " has no \"" + key + "\""};
        return {};
    }
    if (!j.at(key).is_string())
        throw FieldError{where + ": \"" + key + "\" must be a string"};
    return j.at(key).get<std::string>();
}

template <typename T> std::optional<T> num(const json &j, const char *key, const std::string &where)
{
    if (!has(j, key))
        return std::nullopt;
    const json &value = j.at(key);
    if (!value.is_number_integer())
        throw FieldError{where + ": \"" + key + "\" must be a whole number"};
    // get<T>() would wrap a number T cannot hold: 4294967297 into 1, -1 into 18446744073709551615.
    const bool fits = value.is_number_unsigned() ? std::in_range<T>(value.get<std::uint64_t>())
                                                 : std::in_range<T>(value.get<std::int64_t>());
    if (!fits)
        throw FieldError{where + ": \"" + key + "\" is out of range (" + value.dump() + ")"};
    return value.get<T>();
}

// A non-negative number, whole or not, below 2^53 (where a double stops holding every whole number).
std::optional<double> real(const json &j, const char *key, const std::string &where)
{
    if (!has(j, key))
        return std::nullopt;
    const json &value = j.at(key);
    if (!value.is_number())
        throw FieldError{where + ": \"" + key + "\" must be a number"};
    const double d = value.get<double>();
    if (!(d >= 0 && d < 9007199254740992.0))
        throw FieldError{where + ": \"" + key + "\" is out of range (" + value.dump() + ")"};
    return d;
}

bool flag(const json &j, const char *key, const std::string &where)
{
    if (!has(j, key))
        return false;
    if (!j.at(key).is_boolean())
        throw FieldError{where + ": \"" + key + "\" must be true or false"};
    return j.at(key).get<bool>();
}

// A state that may be unknown: anything but true or false reads as unknown.
std::optional<bool> maybeFlag(const json &j, const char *key)
{
    if (!has(j, key) || !j.at(key).is_boolean())
        return std::nullopt;
    return j.at(key).get<bool>();
}

const json &array(const json &j, const char *key, const std::string &where, bool required = false)
{
    static const json empty = json::array();
    if (!has(j, key)) {
        if (required)
            throw FieldError{where + " has no \"" + key + "\" array"};
        return empty;
    }
    if (!j.at(key).is_array())
        throw FieldError{where + ": \"" + key + "\" must be an array"};
    return j.at(key);
}

std::vector<std::string> strings(const json &j, const char *key, const std::string &where)
{
    std::vector<std::string> out;
    for (const json &s : array(j, key, where)) {
        if (!s.is_string())
            throw FieldError{where + ": \"" + key + "\" must hold strings"};
        out.push_back(s.get<std::string>());
    }
    return out;
}

// A closed vocabulary's value (kinds.h): a word this version does not know is refused, never mapped to a
// neighbour.
template <typename Enum> Enum kind(const json &j, const char *key, const std::string &where)
{
    const std::string word = str(j, key, where, true);
    Enum value{};
    if (!fromString(word, value))
        throw FieldError{where + " has an unknown \"" + key + "\" \"" + word + "\""};
    return value;
}

// Every struct has a write() and a read(), side by side below, so that a key is written and read in one
// place. Declared here so that the templates (JsonWriter::value, items, numbered) see them all.
void write(JsonWriter &w, const VantageReport &x);
void read(const json &j, VantageReport &x, const std::string &where);
void write(JsonWriter &w, const NamespaceName &x);
void read(const json &j, NamespaceName &x, const std::string &where);
void write(JsonWriter &w, const Evidence &x);
void read(const json &j, Evidence &x, const std::string &where);
void write(JsonWriter &w, const PidNamespace &x);
void read(const json &j, PidNamespace &x, const std::string &where);
void write(JsonWriter &w, const ChainLink &x);
void read(const json &j, ChainLink &x, const std::string &where);
void write(JsonWriter &w, const NsLinks &x);
void read(const json &j, NsLinks &x, const std::string &where);
void write(JsonWriter &w, const Process &x);
void write(JsonWriter &w, const ContainerRef &x);
void read(const json &j, ContainerRef &x, const std::string &where);
void write(JsonWriter &w, const MemoryInfo &x);
void read(const json &j, MemoryInfo &x, const std::string &where);
void read(const json &j, Process &x, const std::string &where);
void write(JsonWriter &w, const Distro &x);
void read(const json &j, Distro &x, const std::string &where);
void write(JsonWriter &w, const Capture &x);
void read(const json &j, Capture &x, const std::string &where);
void write(JsonWriter &w, const Address &x);
void read(const json &j, Address &x, const std::string &where);
void write(JsonWriter &w, const NetInterface &x);
void read(const json &j, NetInterface &x, const std::string &where);
void write(JsonWriter &w, const Route &x);
void read(const json &j, Route &x, const std::string &where);
void write(JsonWriter &w, const NetNamespace &x);
void read(const json &j, NetNamespace &x, const std::string &where);
void write(JsonWriter &w, const Finding &x);
void read(const json &j, Finding &x, const std::string &where);
void write(JsonWriter &w, const HostAdapter &x);
void read(const json &j, HostAdapter &x, const std::string &where);
void write(JsonWriter &w, const AdapterBinding &x);
void read(const json &j, AdapterBinding &x, const std::string &where);
void write(JsonWriter &w, const VirtualSwitch &x);
void read(const json &j, VirtualSwitch &x, const std::string &where);
void write(JsonWriter &w, const NatConfig &x);
void read(const json &j, NatConfig &x, const std::string &where);
void write(JsonWriter &w, const Subnet &x);
void read(const json &j, Subnet &x, const std::string &where);
void write(JsonWriter &w, const NetLink &x);
void read(const json &j, NetLink &x, const std::string &where);
void write(JsonWriter &w, const Network &x);
void read(const json &j, Network &x, const std::string &where);
void write(JsonWriter &w, const WslError &x);
void write(JsonWriter &w, const WslStatus &x);
void write(JsonWriter &w, const WslVersion &x);

// An array of structs inside another, read with the enclosing one's where.
template <typename T>
std::vector<T> items(const json &j, const char *key, const std::string &where, bool required = false)
{
    std::vector<T> out;
    for (const json &item : array(j, key, where, required))
        read(item, out.emplace_back(), where);
    return out;
}

// A top-level array: each element is named by its position ("pid namespace 3").
template <typename T>
std::vector<T> numbered(const json &j, const char *key, const std::string &where, const std::string &each,
                        bool required = false)
{
    std::vector<T> out;
    for (const json &item : array(j, key, where, required)) {
        const std::string place = each + " " + std::to_string(out.size());
        read(item, out.emplace_back(), place);
    }
    return out;
}

// The pid side: vantages, pid namespaces with their names and evidence, processes.

void write(JsonWriter &w, const VantageReport &v)
{
    w.beginObject();
    w.field("name", v.name);
    w.field("role", v.role);
    w.fieldOrNull("distro", v.distro);
    w.field("ok", v.ok);
    w.fieldOrNull("error", v.error);
    w.fieldOrNull("pid_ns", v.pidNs);
    w.fieldOrNull("net_ns", v.netNs);
    w.fieldOrNull("kernel", v.kernel);
    w.fieldOrNull("hostname", v.hostname);
    w.fieldOrNull("os", v.os);
    w.field("process_count", v.processCount);
    w.fieldIfSet("memory", v.memory);
    w.field("warnings", v.warnings);
    w.endObject();
}

void read(const json &j, VantageReport &v, const std::string &where)
{
    v.name = str(j, "name", where, true);
    v.role = kind<VantageRole>(j, "role", where);
    v.distro = str(j, "distro", where);
    v.ok = flag(j, "ok", where);
    v.error = str(j, "error", where);
    v.pidNs = str(j, "pid_ns", where);
    v.netNs = str(j, "net_ns", where);
    v.kernel = str(j, "kernel", where);
    v.hostname = str(j, "hostname", where);
    v.os = str(j, "os", where);
    v.processCount = num<int>(j, "process_count", where).value_or(0);
    if (has(j, "memory"))
        read(j.at("memory"), v.memory.emplace(), where);
    v.warnings = strings(j, "warnings", where);
}

void write(JsonWriter &w, const MemoryInfo &m)
{
    w.beginObject();
    w.field("total_bytes", m.totalBytes);
    w.field("free_bytes", m.freeBytes);
    w.field("available_bytes", m.availableBytes);
    w.field("cached_bytes", m.cachedBytes);
    w.field("swap_total_bytes", m.swapTotalBytes);
    w.field("swap_free_bytes", m.swapFreeBytes);
    w.endObject();
}

void read(const json &j, MemoryInfo &m, const std::string &where)
{
    const std::string place = where + "'s memory";
    if (!j.is_object())
        throw FieldError{place + " is not an object"};
    m.totalBytes = num<std::uint64_t>(j, "total_bytes", place).value_or(0);
    m.freeBytes = num<std::uint64_t>(j, "free_bytes", place).value_or(0);
    m.availableBytes = num<std::uint64_t>(j, "available_bytes", place).value_or(0);
    m.cachedBytes = num<std::uint64_t>(j, "cached_bytes", place).value_or(0);
    m.swapTotalBytes = num<std::uint64_t>(j, "swap_total_bytes", place).value_or(0);
    m.swapFreeBytes = num<std::uint64_t>(j, "swap_free_bytes", place).value_or(0);
}

// "name": {"kind", "subject", "distros", "init"}: the facts a label is made of, for translated views.
void write(JsonWriter &w, const NamespaceName &n)
{
    w.beginObject();
    w.field("kind", n.kind);
    w.fieldIfSet("subject", n.subject);
    w.fieldIfSet("distros", n.distros);
    w.fieldIfSet("init", n.init);
    w.fieldIfSet("container", n.container);
    w.endObject();
}

// Optional (older files have only a label). A kind this version does not know is kept as NameKind::None,
// so the file's own label is what people see.
void read(const json &j, NamespaceName &n, const std::string &where)
{
    if (!j.is_object())
        throw FieldError{where + ": \"name\" is not an object"};
    if (!fromString(str(j, "kind", where, true), n.kind)) {
        n = {};
        return;
    }
    n.subject = str(j, "subject", where);
    n.distros = strings(j, "distros", where);
    n.init = str(j, "init", where);
    if (has(j, "container") && !j.at("container").is_null())
        read(j.at("container"), n.container.emplace(), where);
}

void write(JsonWriter &w, const Evidence &e)
{
    w.beginObject();
    w.field("kind", e.kind);
    w.fieldOrNull("vantage", e.vantage);
    w.fieldIfSet("pid", e.pid);
    w.fieldIfSet("ppid", e.ppid);
    w.field("text", e.text);
    // The facts the sentence is made of (the program writes it in the user's language from them).
    w.fieldIfSet("subject", e.subject);
    w.fieldIfSet("ancestor", e.ancestor);
    w.fieldIfSet("via", e.via);
    w.fieldIfSet("levels", e.levels);
    w.fieldIfSet("process", e.process);
    w.fieldIfSet("parent_process", e.parentProcess);
    if (e.basis != EvidenceKind::Unknown)
        w.field("basis", e.basis);
    w.endObject();
}

// Evidence is explanation, not structure: a kind from a newer version stays Unknown and its text is shown.
void read(const json &j, Evidence &e, const std::string &where)
{
    if (!fromString(str(j, "kind", where), e.kind))
        e.kind = EvidenceKind::Unknown;
    e.vantage = str(j, "vantage", where);
    e.pid = num<int>(j, "pid", where).value_or(0);
    e.ppid = num<int>(j, "ppid", where).value_or(0);
    e.text = str(j, "text", where);
    e.subject = str(j, "subject", where);
    e.ancestor = str(j, "ancestor", where);
    e.via = str(j, "via", where);
    e.levels = num<int>(j, "levels", where).value_or(0);
    e.process = str(j, "process", where);
    e.parentProcess = str(j, "parent_process", where);
    if (!fromString(str(j, "basis", where), e.basis))
        e.basis = EvidenceKind::Unknown;
}

void write(JsonWriter &w, const PidNamespace &n)
{
    w.beginObject();
    w.field("id", n.id);
    w.field("inode", n.inode);
    w.fieldOrNull("parent", n.parent);
    w.field("role", n.role);
    w.field("label", n.label);
    if (n.name.kind != NameKind::None)
        w.field("name", n.name);
    w.field("distros", n.distros);
    w.field("depth", n.depth < 0 ? std::nullopt : std::optional<int>(n.depth));
    w.field("process_count", n.processCount);
    w.field("vantages", n.vantages);
    w.field("evidence", n.evidence);
    w.endObject();
}

void read(const json &j, PidNamespace &n, const std::string &where)
{
    n.id = str(j, "id", where, true);
    n.inode = num<std::uint64_t>(j, "inode", where);
    n.parent = str(j, "parent", where);
    n.role = kind<NamespaceRole>(j, "role", where);
    n.label = str(j, "label", where);
    if (has(j, "name"))
        read(j.at("name"), n.name, where);
    n.distros = strings(j, "distros", where);
    n.depth = num<int>(j, "depth", where).value_or(-1);
    n.processCount = num<int>(j, "process_count", where).value_or(0);
    n.evidence = items<Evidence>(j, "evidence", where);
    n.vantages = strings(j, "vantages", where);
}

void write(JsonWriter &w, const ChainLink &c)
{
    w.beginObject();
    w.field("ns", c.ns);
    w.field("pid", c.pid);
    w.endObject();
}

void read(const json &j, ChainLink &c, const std::string &where)
{
    c.ns = str(j, "ns", where, true);
    c.pid = num<int>(j, "pid", where).value_or(0);
}

// {"net": "net:[4026531840]", ...}: each link as the kernel prints it.
void write(JsonWriter &w, const NsLinks &links)
{
    w.beginObject();
    std::string link; // one buffer for every link of the process
    for (const auto &[type, inode] : links) {
        link.assign(type).append(":[");
        char digits[24];
        link.append(digits, std::to_chars(digits, digits + sizeof digits, inode).ptr).append("]");
        w.field(type, std::string_view(link));
    }
    w.endObject();
}

// The link saved under `type`, "net:[4026531840]" under "net", -> 4026531840. Anything else (another type,
// a sign, trailing text) is not a link this program wrote.
std::optional<std::uint64_t> nsLinkInode(std::string_view type, std::string_view text)
{
    if (!text.starts_with(type) || !text.substr(type.size()).starts_with(":[") || !text.ends_with(']'))
        return std::nullopt;
    return text::parseWhole<std::uint64_t>(text.substr(type.size() + 2, text.size() - type.size() - 3));
}

void read(const json &j, NsLinks &links, const std::string &where)
{
    if (!j.is_object())
        return;
    for (const auto &[type, link] : j.items()) {
        if (!link.is_string())
            throw FieldError{where + ": namespace links must be strings like \"net:[4026531840]\""};
        const std::string text = link.get<std::string>();
        const auto inode = nsLinkInode(type, text);
        if (!inode)
            throw FieldError{where + ": bad namespace link \"" + text + "\" (not \"" + type + ":[INODE]\")"};
        links[type] = *inode;
    }
}

void write(JsonWriter &w, const Process &p)
{
    w.beginObject();
    w.field("name", p.name);
    w.field("cmdline", p.cmdline);
    w.field("pid_ns", p.pidNs);
    w.field("chain", p.chain);
    w.field("ppid", p.ppid);
    w.field("uid", p.uid);
    w.field("start_ticks", p.startTicks);
    w.fieldOrNull("distro", p.distro);
    w.field("ns", p.ns);
    w.field("seen_by", p.seenBy);
    w.fieldIfSet("rss_bytes", p.rssBytes);
    w.fieldIfSet("cpu_seconds", p.cpuSeconds);
    w.fieldIfSet("container", p.container);
    w.endObject();
}

// {"engine": "docker", "id": "…"}. An engine this version does not know stays Unknown ("unknown").
void write(JsonWriter &w, const ContainerRef &c)
{
    w.beginObject();
    w.field("engine", c.engine);
    w.field("id", c.id);
    w.endObject();
}

void read(const json &j, ContainerRef &c, const std::string &where)
{
    if (!j.is_object())
        throw FieldError{where + ": \"container\" is not an object"};
    if (!fromString(str(j, "engine", where, true), c.engine))
        c.engine = ContainerEngine::Unknown;
    c.id = str(j, "id", where, true);
}

void read(const json &j, Process &p, const std::string &where)
{
    p.name = str(j, "name", where);
    p.cmdline = str(j, "cmdline", where);
    p.pidNs = str(j, "pid_ns", where, true);
    p.chain = items<ChainLink>(j, "chain", where, true);
    if (p.chain.empty())
        throw FieldError{where + " has an empty chain"};
    p.ppid = num<int>(j, "ppid", where).value_or(0);
    p.uid = num<int>(j, "uid", where);
    p.startTicks = num<std::uint64_t>(j, "start_ticks", where);
    p.distro = str(j, "distro", where);
    if (has(j, "ns"))
        read(j.at("ns"), p.ns, where);
    p.seenBy = strings(j, "seen_by", where);
    p.rssBytes = num<std::uint64_t>(j, "rss_bytes", where);
    p.cpuSeconds = real(j, "cpu_seconds", where);
    if (has(j, "container") && !j.at("container").is_null())
        read(j.at("container"), p.container.emplace(), where);
}

// What the host told: distros and the captures that were run.

void write(JsonWriter &w, const Distro &d)
{
    w.beginObject();
    w.field("name", d.name);
    w.field("state", d.state);
    w.field("version", d.version);
    w.field("default", d.isDefault);
    w.fieldIfSet("id", d.id);
    w.fieldIfSet("base_path", d.basePath);
    w.fieldIfSet("flags", d.flags);
    w.endObject();
}

void read(const json &j, Distro &d, const std::string &where)
{
    d.name = str(j, "name", where, true);
    d.state = str(j, "state", where);
    d.version = num<int>(j, "version", where).value_or(0);
    d.isDefault = flag(j, "default", where);
    d.id = str(j, "id", where);
    d.basePath = str(j, "base_path", where);
    d.flags = num<int>(j, "flags", where);
}

void write(JsonWriter &w, const Capture &c)
{
    w.beginObject();
    w.field("kind", c.kind);
    w.field("ok", c.ok);
    w.fieldOrNull("error", c.error);
    w.endObject();
}

void read(const json &j, Capture &c, const std::string &where)
{
    c.kind = str(j, "kind", where, true);
    c.ok = flag(j, "ok", where);
    c.error = str(j, "error", where);
}

// The network side (DESIGN.md "Snapshot JSON" under "network"); also what `wslatlas-cli parse` prints.

void write(JsonWriter &w, const Address &a)
{
    w.beginObject();
    w.field("address", a.address);
    w.field("prefix", a.prefix);
    w.endObject();
}

void read(const json &j, Address &a, const std::string &where)
{
    a.address = str(j, "address", where, true);
    a.prefix = num<int>(j, "prefix", where).value_or(0);
}

void write(JsonWriter &w, const NetInterface &i)
{
    w.beginObject();
    w.field("name", i.name);
    w.fieldOrNull("mac", i.mac);
    w.field("mtu", i.mtu);
    w.field("up", i.up);
    w.field("ipv4", i.ipv4);
    w.field("ipv6", i.ipv6);
    w.endObject();
}

void read(const json &j, NetInterface &i, const std::string &where)
{
    i.name = str(j, "name", where, true);
    i.mac = str(j, "mac", where);
    i.mtu = num<int>(j, "mtu", where);
    i.up = maybeFlag(j, "up");
    i.ipv4 = items<Address>(j, "ipv4", where);
    i.ipv6 = items<Address>(j, "ipv6", where);
}

void write(JsonWriter &w, const Route &r)
{
    w.beginObject();
    w.field("destination", r.destination);
    w.fieldIfSet("gateway", r.gateway);
    w.field("dev", r.dev);
    w.fieldIfSet("source", r.source);
    w.endObject();
}

void read(const json &j, Route &r, const std::string &where)
{
    r.destination = str(j, "destination", where, true);
    r.gateway = str(j, "gateway", where);
    r.dev = str(j, "dev", where);
    r.source = str(j, "source", where);
}

void write(JsonWriter &w, const NetNamespace &n)
{
    w.beginObject();
    w.field("id", n.id);
    w.field("inode", n.inode);
    w.field("distros", n.distros);
    w.field("vantages", n.vantages);
    w.field("interfaces", n.interfaces);
    w.field("routes", n.routes);
    w.field("nameservers", n.nameservers);
    w.endObject();
}

void read(const json &j, NetNamespace &n, const std::string &where)
{
    n.id = str(j, "id", where, true);
    n.inode = num<std::uint64_t>(j, "inode", where).value_or(0);
    n.distros = strings(j, "distros", where);
    n.vantages = strings(j, "vantages", where);
    n.interfaces = items<NetInterface>(j, "interfaces", where);
    n.routes = items<Route>(j, "routes", where);
    n.nameservers = strings(j, "nameservers", where);
}

void write(JsonWriter &w, const Finding &f)
{
    w.beginObject();
    w.field("severity", f.severity);
    w.field("text", f.text);
    // The facts behind the sentence, from which the program writes it in the user's language.
    if (f.code != FindingCode::Other) {
        w.field("code", f.code);
        w.field("params", f.params);
    }
    w.endObject();
}

void read(const json &j, Finding &f, const std::string &where)
{
    f.severity = kind<Severity>(j, "severity", where);
    f.text = str(j, "text", where);
    // A code this version has no words for stays Other: its English text is shown.
    if (fromString(str(j, "code", where), f.code) && j.contains("params") && j.at("params").is_object())
        for (const auto &[name, value] : j.at("params").items())
            if (value.is_string())
                f.params[name] = value.get<std::string>();
}

void write(JsonWriter &w, const HostAdapter &a)
{
    w.beginObject();
    w.field("name", a.name);
    w.fieldOrNull("description", a.description);
    w.field("wsl", a.wsl);
    w.fieldOrNull("mac", a.mac);
    w.field("if_index", a.ifIndex);
    w.field("up", a.up);
    w.field("mtu", a.mtu);
    w.field("ipv4", a.ipv4);
    w.field("ipv6", a.ipv6);
    w.field("gateways", a.gateways);
    w.field("dns_servers", a.dnsServers);
    w.endObject();
}

void read(const json &j, HostAdapter &a, const std::string &where)
{
    a.name = str(j, "name", where, true);
    a.description = str(j, "description", where);
    a.wsl = flag(j, "wsl", where);
    a.mac = str(j, "mac", where);
    a.ifIndex = num<int>(j, "if_index", where);
    a.up = maybeFlag(j, "up");
    a.mtu = num<int>(j, "mtu", where);
    a.ipv4 = items<Address>(j, "ipv4", where);
    a.ipv6 = items<Address>(j, "ipv6", where);
    a.gateways = strings(j, "gateways", where);
    a.dnsServers = strings(j, "dns_servers", where);
}

void write(JsonWriter &w, const AdapterBinding &b)
{
    w.beginObject();
    w.field("adapter", b.adapter);
    w.field("component", b.component);
    w.field("display_name", b.displayName);
    w.field("enabled", b.enabled);
    w.endObject();
}

void read(const json &j, AdapterBinding &b, const std::string &where)
{
    b.adapter = str(j, "adapter", where);
    b.component = str(j, "component", where, true);
    b.displayName = str(j, "display_name", where);
    b.enabled = flag(j, "enabled", where);
}

void write(JsonWriter &w, const VirtualSwitch &v)
{
    w.beginObject();
    w.fieldOrNull("id", v.id);
    w.field("name", v.name);
    w.fieldOrNull("type", v.type);
    w.fieldOrNull("subnet", v.subnet);
    w.fieldOrNull("gateway", v.gateway);
    w.field("bindings", v.bindings);
    w.endObject();
}

void read(const json &j, VirtualSwitch &v, const std::string &where)
{
    v.id = str(j, "id", where);
    v.name = str(j, "name", where, true);
    v.type = str(j, "type", where);
    v.subnet = str(j, "subnet", where);
    v.gateway = str(j, "gateway", where);
    v.bindings = items<AdapterBinding>(j, "bindings", where);
}

void write(JsonWriter &w, const NatConfig &n)
{
    w.beginObject();
    w.fieldOrNull("network", n.network);
    w.fieldOrNull("gateway", n.gateway);
    w.fieldOrNull("address", n.address);
    w.endObject();
}

void read(const json &j, NatConfig &n, const std::string &where)
{
    n.network = str(j, "network", where);
    n.gateway = str(j, "gateway", where);
    n.address = str(j, "address", where);
}

void write(JsonWriter &w, const Subnet &s)
{
    w.beginObject();
    w.field("cidr", s.cidr);
    w.field("network", s.network);
    w.field("broadcast", s.broadcast);
    w.field("first_host", s.firstHost);
    w.field("last_host", s.lastHost);
    w.field("addresses", s.addresses);
    w.endObject();
}

void read(const json &j, Subnet &s, const std::string &where)
{
    s.cidr = str(j, "cidr", where, true);
    s.network = str(j, "network", where);
    s.broadcast = str(j, "broadcast", where);
    s.firstHost = str(j, "first_host", where);
    s.lastHost = str(j, "last_host", where);
    s.addresses = num<std::uint64_t>(j, "addresses", where).value_or(0);
}

void write(JsonWriter &w, const NetLink &l)
{
    w.beginObject();
    w.field("from", l.from);
    w.field("to", l.to);
    w.field("kind", l.kind);
    w.field("text", l.text);
    w.endObject();
}

void read(const json &j, NetLink &l, const std::string &where)
{
    l.from = str(j, "from", where, true);
    l.to = str(j, "to", where, true);
    l.kind = kind<LinkKind>(j, "kind", where);
    l.text = str(j, "text", where);
}

void write(JsonWriter &w, const Network &n)
{
    w.beginObject();
    w.fieldOrNull("mode", n.mode);
    w.field("host_adapters", n.hostAdapters);
    w.field("switches", n.switches);
    w.field("nat", n.nat);
    w.field("subnets", n.subnets);
    w.field("namespaces", n.namespaces);
    w.field("links", n.links);
    w.field("findings", n.findings);
    w.endObject();
}

void read(const json &j, Network &n, const std::string &where)
{
    n.mode = str(j, "mode", where);
    n.namespaces = numbered<NetNamespace>(j, "namespaces", where, "network namespace");
    n.hostAdapters = numbered<HostAdapter>(j, "host_adapters", where, "host adapter");
    n.switches = numbered<VirtualSwitch>(j, "switches", where, "switch");
    if (j.contains("nat") && j.at("nat").is_object())
        read(j.at("nat"), n.nat.emplace(), "nat");
    n.subnets = numbered<Subnet>(j, "subnets", where, "subnet");
    n.links = numbered<NetLink>(j, "links", where, "link");
    n.findings = items<Finding>(j, "findings", where);
}

// What capture parsers yield besides the snapshot's own structs: written by `wslatlas-cli parse`, never read.

// .wslconfig's values are members of the parse output itself, beside the others.
void writeMembers(JsonWriter &w, const WslConfig &c)
{
    w.fieldOrNull("mode", c.networkingMode);
    w.field("gui_applications", c.guiApplications);
    w.field("settings", c.settings);
}

void write(JsonWriter &w, const WslError &e)
{
    w.beginObject();
    w.field("code", e.code);
    w.field("token", e.token);
    w.field("message", e.message);
    w.endObject();
}

void write(JsonWriter &w, const WslStatus &s)
{
    w.beginObject();
    w.fieldOrNull("default_distro", s.defaultDistro);
    w.field("default_version", s.defaultVersion ? std::optional<int>(s.defaultVersion) : std::nullopt);
    w.field("fields", s.fields);
    w.endObject();
}

void write(JsonWriter &w, const WslVersion &v)
{
    w.beginObject();
    w.fieldOrNull("wsl", v.wsl);
    w.fieldOrNull("kernel", v.kernel);
    w.fieldOrNull("wslg", v.wslg);
    w.fieldOrNull("msrdc", v.msrdc);
    w.fieldOrNull("direct3d", v.direct3d);
    w.fieldOrNull("dxcore", v.dxcore);
    w.fieldOrNull("windows", v.windows);
    w.endObject();
}

// The whole snapshot.

void write(JsonWriter &w, const Snapshot &s)
{
    w.beginObject();
    w.field("schema", kSnapshotSchema);
    w.field("taken_at", s.takenAt);
    w.field("vantages", s.vantages);
    w.field("pid_namespaces", s.pidNamespaces);
    w.field("processes", s.processes);
    w.field("distros", s.distros);
    w.field("captures", s.captures);
    w.field("network", s.network);
    w.field("findings", s.findings);
    w.endObject();
}

// The schema is checked before (snapshotFromJson).
void read(const json &doc, Snapshot &s)
{
    const std::string where = "the snapshot";
    s.takenAt = str(doc, "taken_at", where);
    s.vantages = numbered<VantageReport>(doc, "vantages", where, "vantage", true);
    s.pidNamespaces = numbered<PidNamespace>(doc, "pid_namespaces", where, "pid namespace", true);
    for (const PidNamespace &ns : s.pidNamespaces)
        if (!ns.parent.empty() && !s.findNamespace(ns.parent))
            throw FieldError{"pid namespace " + ns.id + " names a parent " + ns.parent +
                             " that is not in the file"};
    s.processes = numbered<Process>(doc, "processes", where, "process", true);
    s.distros = numbered<Distro>(doc, "distros", where, "distro");
    s.captures = numbered<Capture>(doc, "captures", where, "capture");
    if (doc.contains("network") && doc.at("network").is_object())
        read(doc.at("network"), s.network, "the network");
    s.findings = items<Finding>(doc, "findings", where);
}

} // namespace

std::string snapshotToJson(const Snapshot &snapshot)
{
    std::string out;
    out.reserve(1024 * (snapshot.processes.size() + 16)); // about a kilobyte per process
    JsonWriter w(out);
    write(w, snapshot);
    out += '\n';
    return out;
}

std::string captureValuesToJson(const CaptureValues &v)
{
    std::string out;
    JsonWriter w(out);
    w.beginObject();
    w.fieldIfSet("host_adapters", v.hostAdapters);
    w.fieldIfSet("nat", v.nat);
    w.fieldIfSet("distros", v.distros);
    w.fieldIfSet("switches", v.switches);
    w.fieldIfSet("bindings", v.bindings);
    if (v.wslConfig)
        writeMembers(w, *v.wslConfig);
    w.fieldIfSet("error", v.error);
    w.fieldIfSet("status", v.status);
    w.fieldIfSet("version", v.version);
    w.fieldIfSet("interfaces", v.interfaces);
    w.fieldIfSet("routes", v.routes);
    w.fieldIfSet("nameservers", v.nameservers);
    w.endObject();
    out += '\n';
    return out;
}

Result<Snapshot> snapshotFromJson(std::string_view text)
{
    json doc;
    try {
        doc = json::parse(text.begin(), text.end());
    } catch (const json::parse_error &e) {
        return Error{"it is not valid JSON (byte " + std::to_string(e.byte) +
                     "); the file is damaged or not a snapshot"};
    } catch (const json::exception &e) {
        // Not every parse failure is a parse_error: a number beyond a double's range (1e400) is out_of_range.
        return Error{std::string("it is not valid JSON (") + e.what() +
                     "); the file is damaged or not a snapshot"};
    }
    if (!doc.is_object() || !doc.contains("schema") || !doc["schema"].is_string())
        return Error{"it is not a WSL Atlas snapshot (no \"schema\" field)"};
    const std::string schema = doc["schema"].get<std::string>();
    constexpr std::string_view prefix = "wslatlas.snapshot/";
    if (schema.rfind(prefix, 0) != 0)
        return Error{"it is not a WSL Atlas snapshot (schema \"" + schema + "\")"};
    const std::string version = schema.substr(prefix.size());
    const std::string major = version.substr(0, version.find('.'));
    if (major != "1")
        return Error{"it was written in snapshot format " + version +
                     ", which this version of WSL Atlas cannot read (it reads format 1); update WSL Atlas"};
    Snapshot snapshot;
    try {
        read(doc, snapshot);
    } catch (const FieldError &e) {
        return Error{"it is damaged: " + e.message};
    } catch (const json::exception &e) {
        return Error{std::string("it is damaged: ") + e.what()};
    }
    return snapshot;
}

Result<Snapshot> loadSnapshotFile(const std::string &path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(pathFromUtf8(path), ec))
        return Error{"cannot open " + path + ": it is a folder, not a snapshot file"};
    Result<std::string> data = readFile(path);
    if (const Error *error = errorOf(data))
        return *error;
    Result<Snapshot> snapshot = snapshotFromJson(std::get<std::string>(data));
    if (const Error *error = errorOf(snapshot))
        return Error{"cannot open " + path + ": " + error->message};
    return snapshot;
}

std::optional<Error> saveSnapshotFile(const std::string &path, const Snapshot &snapshot)
{
    return writeFileAtomically(path, snapshotToJson(snapshot));
}

} // namespace wslatlas
