#include "snapshot_json.h"

#include "capture_kinds.h"
#include "file_io.h"
#include "text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace wslatlas {

namespace {

using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

ojson nullIfEmpty(const std::string &s)
{
    return s.empty() ? ojson() : ojson(s);
}

// "net:[4026531840]", into a buffer reused for every link of every process.
void writeNsLinkId(std::string &out, const std::string &type, std::uint64_t inode)
{
    out.assign(type);
    out += ":[";
    out += std::to_string(inode);
    out += ']';
}

ojson toJson(const std::vector<Address> &addresses)
{
    ojson a = ojson::array();
    for (const Address &x : addresses)
        a.push_back({{"address", x.address}, {"prefix", x.prefix}});
    return a;
}

ojson toJson(const NetInterface &i)
{
    ojson ij;
    ij["name"] = i.name;
    ij["mac"] = nullIfEmpty(i.mac);
    ij["mtu"] = i.mtu ? ojson(*i.mtu) : ojson();
    ij["up"] = i.up ? ojson(*i.up) : ojson();
    ij["ipv4"] = toJson(i.ipv4);
    ij["ipv6"] = toJson(i.ipv6);
    return ij;
}

ojson toJson(const Route &r)
{
    ojson rj;
    rj["destination"] = r.destination;
    if (!r.gateway.empty())
        rj["gateway"] = r.gateway;
    rj["dev"] = r.dev;
    if (!r.source.empty())
        rj["source"] = r.source;
    return rj;
}

// Declared here so that toJsonArray sees them all (they live in an unnamed namespace, out of ADL's reach).
ojson toJson(const Distro &d);
ojson toJson(const HostAdapter &a);
ojson toJson(const AdapterBinding &b);
ojson toJson(const VirtualSwitch &v);
ojson toJson(const Subnet &sub);
ojson toJson(const NetNamespace &n);

template <typename T> ojson toJsonArray(const std::vector<T> &items)
{
    ojson a = ojson::array();
    for (const T &item : items)
        a.push_back(toJson(item));
    return a;
}

ojson toJson(const NetNamespace &n)
{
    ojson j;
    j["id"] = n.id;
    j["inode"] = n.inode;
    j["distros"] = n.distros;
    j["vantages"] = n.vantages;
    j["interfaces"] = toJsonArray(n.interfaces);
    j["routes"] = toJsonArray(n.routes);
    j["nameservers"] = n.nameservers;
    return j;
}

ojson toJson(const Distro &d)
{
    ojson j;
    j["name"] = d.name;
    j["state"] = d.state;
    j["version"] = d.version;
    j["default"] = d.isDefault;
    if (!d.id.empty())
        j["id"] = d.id;
    if (!d.basePath.empty())
        j["base_path"] = d.basePath;
    if (d.flags)
        j["flags"] = *d.flags;
    return j;
}

ojson toJson(const HostAdapter &a)
{
    ojson j;
    j["name"] = a.name;
    j["description"] = nullIfEmpty(a.description);
    j["wsl"] = a.wsl;
    j["mac"] = nullIfEmpty(a.mac);
    j["if_index"] = a.ifIndex ? ojson(*a.ifIndex) : ojson();
    j["up"] = a.up ? ojson(*a.up) : ojson();
    j["mtu"] = a.mtu ? ojson(*a.mtu) : ojson();
    j["ipv4"] = toJson(a.ipv4);
    j["ipv6"] = toJson(a.ipv6);
    j["gateways"] = a.gateways;
    j["dns_servers"] = a.dnsServers;
    return j;
}

ojson toJson(const AdapterBinding &b)
{
    ojson j;
    j["adapter"] = b.adapter;
    j["component"] = b.component;
    j["display_name"] = b.displayName;
    j["enabled"] = b.enabled;
    return j;
}

ojson toJson(const VirtualSwitch &v)
{
    ojson j;
    j["id"] = nullIfEmpty(v.id);
    j["name"] = v.name;
    j["type"] = nullIfEmpty(v.type);
    j["subnet"] = nullIfEmpty(v.subnet);
    j["gateway"] = nullIfEmpty(v.gateway);
    ojson bindings = ojson::array();
    for (const AdapterBinding &b : v.bindings)
        bindings.push_back(toJson(b));
    j["bindings"] = std::move(bindings);
    return j;
}

ojson toJson(const NatConfig &n)
{
    ojson j;
    j["network"] = nullIfEmpty(n.network);
    j["gateway"] = nullIfEmpty(n.gateway);
    j["address"] = nullIfEmpty(n.address);
    return j;
}

ojson toJson(const Subnet &sub)
{
    ojson j;
    j["cidr"] = sub.cidr;
    j["network"] = sub.network;
    j["broadcast"] = sub.broadcast;
    j["first_host"] = sub.firstHost;
    j["last_host"] = sub.lastHost;
    j["addresses"] = sub.addresses;
    return j;
}

ojson toJson(const std::vector<Finding> &findings)
{
    ojson a = ojson::array();
    for (const Finding &f : findings)
        a.push_back({{"severity", toString(f.severity)}, {"text", f.text}});
    return a;
}

// Reading: small accessors that throw a message naming the field, caught once at the top.
struct FieldError
{
    std::string message;
};

std::string str(const json &j, const char *key, const std::string &where, bool required = false)
{
    if (!j.is_object() || !j.contains(key) || j.at(key).is_null()) {
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
    if (!j.is_object() || !j.contains(key) || j.at(key).is_null())
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

bool flag(const json &j, const char *key, const std::string &where)
{
    if (!j.is_object() || !j.contains(key) || j.at(key).is_null())
        return false;
    if (!j.at(key).is_boolean())
        throw FieldError{where + ": \"" + key + "\" must be true or false"};
    return j.at(key).get<bool>();
}

const json &array(const json &j, const char *key, const std::string &where, bool required = false)
{
    static const json empty = json::array();
    if (!j.is_object() || !j.contains(key) || j.at(key).is_null()) {
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

std::vector<Address> addresses(const json &j, const char *key, const std::string &where)
{
    std::vector<Address> out;
    for (const json &a : array(j, key, where))
        out.push_back({str(a, "address", where, true), num<int>(a, "prefix", where).value_or(0)});
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

std::vector<Finding> findings(const json &j, const char *key, const std::string &where)
{
    std::vector<Finding> out;
    for (const json &f : array(j, key, where))
        out.push_back({kind<Severity>(f, "severity", where), str(f, "text", where)});
    return out;
}

// The link saved under `type`, "net:[4026531840]" under "net", -> 4026531840. Anything else (another type,
// a sign, trailing text) is not a link this program wrote.
std::optional<std::uint64_t> nsLinkInode(std::string_view type, std::string_view text)
{
    if (!text.starts_with(type) || !text.substr(type.size()).starts_with(":[") || !text.ends_with(']'))
        return std::nullopt;
    return text::parseWhole<std::uint64_t>(text.substr(type.size() + 2, text.size() - type.size() - 3));
}

// A namespace's name as facts (optional: older files have only a label). A kind this version does not
// know is kept as NameKind::None, so the file's own label is what people see.
NamespaceName namespaceName(const json &n, const std::string &where)
{
    NamespaceName name;
    if (!n.contains("name") || n.at("name").is_null())
        return name;
    const json &j = n.at("name");
    if (!j.is_object())
        throw FieldError{where + ": \"name\" is not an object"};
    if (!fromString(str(j, "kind", where, true), name.kind))
        return {};
    name.subject = str(j, "subject", where);
    name.distros = strings(j, "distros", where);
    name.init = str(j, "init", where);
    return name;
}

// Evidence is explanation, not structure: a kind from a newer version stays Unknown and its text is shown.
EvidenceKind evidenceKind(const json &e, const std::string &where)
{
    EvidenceKind value = EvidenceKind::Unknown;
    fromString(str(e, "kind", where), value);
    return value;
}

void readSnapshot(const json &doc, Snapshot &s)
{
    s.takenAt = str(doc, "taken_at", "the snapshot");
    std::size_t i = 0;
    for (const json &v : array(doc, "vantages", "the snapshot", true)) {
        const std::string where = "vantage " + std::to_string(i++);
        VantageReport r;
        r.name = str(v, "name", where, true);
        r.role = kind<VantageRole>(v, "role", where);
        r.distro = str(v, "distro", where);
        r.ok = flag(v, "ok", where);
        r.error = str(v, "error", where);
        r.pidNs = str(v, "pid_ns", where);
        r.netNs = str(v, "net_ns", where);
        r.kernel = str(v, "kernel", where);
        r.hostname = str(v, "hostname", where);
        r.os = str(v, "os", where);
        r.processCount = num<int>(v, "process_count", where).value_or(0);
        r.warnings = strings(v, "warnings", where);
        s.vantages.push_back(std::move(r));
    }
    i = 0;
    for (const json &n : array(doc, "pid_namespaces", "the snapshot", true)) {
        const std::string where = "pid namespace " + std::to_string(i++);
        PidNamespace ns;
        ns.id = str(n, "id", where, true);
        ns.inode = num<std::uint64_t>(n, "inode", where);
        ns.parent = str(n, "parent", where);
        ns.role = kind<NamespaceRole>(n, "role", where);
        ns.label = str(n, "label", where);
        ns.name = namespaceName(n, where);
        ns.distros = strings(n, "distros", where);
        ns.depth = num<int>(n, "depth", where).value_or(-1);
        ns.processCount = num<int>(n, "process_count", where).value_or(0);
        for (const json &e : array(n, "evidence", where))
            ns.evidence.push_back({evidenceKind(e, where), str(e, "vantage", where),
                                   num<int>(e, "pid", where).value_or(0),
                                   num<int>(e, "ppid", where).value_or(0), str(e, "text", where)});
        ns.vantages = strings(n, "vantages", where);
        s.pidNamespaces.push_back(std::move(ns));
    }
    for (const PidNamespace &ns : s.pidNamespaces)
        if (!ns.parent.empty() && !s.findNamespace(ns.parent))
            throw FieldError{"pid namespace " + ns.id + " names a parent " + ns.parent +
                             " that is not in the file"};
    i = 0;
    for (const json &p : array(doc, "processes", "the snapshot", true)) {
        const std::string where = "process " + std::to_string(i++);
        Process out;
        out.name = str(p, "name", where);
        out.cmdline = str(p, "cmdline", where);
        out.pidNs = str(p, "pid_ns", where, true);
        for (const json &c : array(p, "chain", where, true))
            out.chain.push_back({str(c, "ns", where, true), num<int>(c, "pid", where).value_or(0)});
        if (out.chain.empty())
            throw FieldError{where + " has an empty chain"};
        out.ppid = num<int>(p, "ppid", where).value_or(0);
        out.uid = num<int>(p, "uid", where);
        out.startTicks = num<std::uint64_t>(p, "start_ticks", where);
        out.distro = str(p, "distro", where);
        if (p.contains("ns") && p.at("ns").is_object()) {
            for (const auto &[type, link] : p.at("ns").items()) {
                if (!link.is_string())
                    throw FieldError{where + ": namespace links must be strings like \"net:[4026531840]\""};
                const std::string text = link.get<std::string>();
                const auto inode = nsLinkInode(type, text);
                if (!inode)
                    throw FieldError{where + ": bad namespace link \"" + text + "\" (not \"" + type +
                                     ":[INODE]\")"};
                out.ns[type] = *inode;
            }
        }
        out.seenBy = strings(p, "seen_by", where);
        s.processes.push_back(std::move(out));
    }
    i = 0;
    for (const json &d : array(doc, "distros", "the snapshot")) {
        const std::string where = "distro " + std::to_string(i++);
        Distro distro;
        distro.name = str(d, "name", where, true);
        distro.state = str(d, "state", where);
        distro.version = num<int>(d, "version", where).value_or(0);
        distro.isDefault = flag(d, "default", where);
        distro.id = str(d, "id", where);
        distro.basePath = str(d, "base_path", where);
        distro.flags = num<int>(d, "flags", where);
        s.distros.push_back(std::move(distro));
    }
    i = 0;
    for (const json &c : array(doc, "captures", "the snapshot")) {
        const std::string where = "capture " + std::to_string(i++);
        s.captures.push_back({str(c, "kind", where, true), flag(c, "ok", where), str(c, "error", where)});
    }
    if (doc.contains("network") && doc.at("network").is_object()) {
        const json &net = doc.at("network");
        s.network.mode = str(net, "mode", "the network");
        i = 0;
        for (const json &n : array(net, "namespaces", "the network")) {
            const std::string where = "network namespace " + std::to_string(i++);
            NetNamespace ns;
            ns.id = str(n, "id", where, true);
            ns.inode = num<std::uint64_t>(n, "inode", where).value_or(0);
            ns.distros = strings(n, "distros", where);
            ns.vantages = strings(n, "vantages", where);
            for (const json &ij : array(n, "interfaces", where)) {
                NetInterface iface;
                iface.name = str(ij, "name", where, true);
                iface.mac = str(ij, "mac", where);
                iface.mtu = num<int>(ij, "mtu", where);
                if (ij.contains("up") && ij.at("up").is_boolean())
                    iface.up = ij.at("up").get<bool>();
                iface.ipv4 = addresses(ij, "ipv4", where);
                iface.ipv6 = addresses(ij, "ipv6", where);
                ns.interfaces.push_back(std::move(iface));
            }
            for (const json &r : array(n, "routes", where))
                ns.routes.push_back({str(r, "destination", where, true), str(r, "gateway", where),
                                     str(r, "dev", where), str(r, "source", where)});
            ns.nameservers = strings(n, "nameservers", where);
            s.network.namespaces.push_back(std::move(ns));
        }
        i = 0;
        for (const json &a : array(net, "host_adapters", "the network")) {
            const std::string where = "host adapter " + std::to_string(i++);
            HostAdapter adapter;
            adapter.name = str(a, "name", where, true);
            adapter.description = str(a, "description", where);
            adapter.wsl = flag(a, "wsl", where);
            adapter.mac = str(a, "mac", where);
            adapter.ifIndex = num<int>(a, "if_index", where);
            if (a.contains("up") && a.at("up").is_boolean())
                adapter.up = a.at("up").get<bool>();
            adapter.mtu = num<int>(a, "mtu", where);
            adapter.ipv4 = addresses(a, "ipv4", where);
            adapter.ipv6 = addresses(a, "ipv6", where);
            adapter.gateways = strings(a, "gateways", where);
            adapter.dnsServers = strings(a, "dns_servers", where);
            s.network.hostAdapters.push_back(std::move(adapter));
        }
        i = 0;
        for (const json &v : array(net, "switches", "the network")) {
            const std::string where = "switch " + std::to_string(i++);
            VirtualSwitch sw;
            sw.id = str(v, "id", where);
            sw.name = str(v, "name", where, true);
            sw.type = str(v, "type", where);
            sw.subnet = str(v, "subnet", where);
            sw.gateway = str(v, "gateway", where);
            for (const json &b : array(v, "bindings", where)) {
                AdapterBinding binding;
                binding.adapter = str(b, "adapter", where);
                binding.component = str(b, "component", where, true);
                binding.displayName = str(b, "display_name", where);
                binding.enabled = flag(b, "enabled", where);
                sw.bindings.push_back(std::move(binding));
            }
            s.network.switches.push_back(std::move(sw));
        }
        if (net.contains("nat") && net.at("nat").is_object()) {
            const json &n = net.at("nat");
            s.network.nat =
                NatConfig{str(n, "network", "nat"), str(n, "gateway", "nat"), str(n, "address", "nat")};
        }
        i = 0;
        for (const json &sub : array(net, "subnets", "the network")) {
            const std::string where = "subnet " + std::to_string(i++);
            Subnet subnet;
            subnet.cidr = str(sub, "cidr", where, true);
            subnet.network = str(sub, "network", where);
            subnet.broadcast = str(sub, "broadcast", where);
            subnet.firstHost = str(sub, "first_host", where);
            subnet.lastHost = str(sub, "last_host", where);
            subnet.addresses = num<std::uint64_t>(sub, "addresses", where).value_or(0);
            s.network.subnets.push_back(std::move(subnet));
        }
        i = 0;
        for (const json &l : array(net, "links", "the network")) {
            const std::string where = "link " + std::to_string(i++);
            s.network.links.push_back({str(l, "from", where, true), str(l, "to", where, true),
                                       kind<LinkKind>(l, "kind", where), str(l, "text", where)});
        }
        s.network.findings = findings(net, "findings", "the network");
    }
    s.findings = findings(doc, "findings", "the snapshot");
}

ojson toJson(const WslConfig &c)
{
    ojson j;
    j["mode"] = nullIfEmpty(c.networkingMode);
    j["gui_applications"] = c.guiApplications ? ojson(*c.guiApplications) : ojson();
    j["settings"] = ojson::object();
    for (const auto &[key, value] : c.settings)
        j["settings"][key] = value;
    return j;
}

// Writes JSON straight into a string, byte for byte as nlohmann's dump(2, ' ', false, replace) prints the
// same tree: a snapshot holds tens of thousands of processes, and building the tree first took most of the
// time.
class JsonWriter
{
public:
    explicit JsonWriter(std::string &out) : m_out(out) {}

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    // The next value is this member's.
    void key(std::string_view name)
    {
        separate();
        string(name);
        m_out += ": ";
        m_afterKey = true;
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
    void null()
    {
        separate();
        m_out += "null";
    }
    void valueOrNull(const std::string &s) { s.empty() ? null() : value(s); }
    template <typename T> void valueOrNull(const std::optional<T> &v) { v ? value(*v) : null(); }
    void value(const std::vector<std::string> &list)
    {
        beginArray();
        for (const std::string &s : list)
            value(s);
        endArray();
    }
    // A part built as a tree (the network, shared with captureValuesToJson): its dump, indented to where it
    // goes.
    void tree(const ojson &j)
    {
        separate();
        const std::string text = j.dump(2, ' ', false, json::error_handler_t::replace);
        for (char c : text) {
            m_out += c;
            if (c == '\n') // never inside a string: dump escapes newlines
                m_out.append(2 * m_firstInLevel.size(), ' ');
        }
    }

private:
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

// "name": {"kind", "subject", "distros", "init"}: the facts a label is made of, for translated views.
void writeName(JsonWriter &w, const NamespaceName &name)
{
    w.key("name");
    w.beginObject();
    w.key("kind");
    w.value(toString(name.kind));
    if (!name.subject.empty()) {
        w.key("subject");
        w.value(name.subject);
    }
    if (!name.distros.empty()) {
        w.key("distros");
        w.value(name.distros);
    }
    if (!name.init.empty()) {
        w.key("init");
        w.value(name.init);
    }
    w.endObject();
}

} // namespace

std::string captureValuesToJson(const CaptureValues &v)
{
    ojson j = ojson::object();
    if (v.hostAdapters)
        j["host_adapters"] = toJsonArray(*v.hostAdapters);
    if (v.nat)
        j["nat"] = *v.nat ? toJson(**v.nat) : ojson();
    if (v.distros)
        j["distros"] = toJsonArray(*v.distros);
    if (v.switches)
        j["switches"] = toJsonArray(*v.switches);
    if (v.bindings)
        j["bindings"] = toJsonArray(*v.bindings);
    if (v.wslConfig)
        j.update(toJson(*v.wslConfig));
    if (v.error)
        j["error"] = {{"code", v.error->code}, {"token", v.error->token}, {"message", v.error->message}};
    if (v.status) {
        j["status"] = {
            {"default_distro", nullIfEmpty(v.status->defaultDistro)},
            {"default_version", v.status->defaultVersion ? ojson(v.status->defaultVersion) : ojson()}};
        j["status"]["fields"] = ojson::object();
        for (const auto &[key, value] : v.status->fields)
            j["status"]["fields"][key] = value;
    }
    if (v.version) {
        const WslVersion &w = *v.version;
        j["version"] = {{"wsl", nullIfEmpty(w.wsl)},           {"kernel", nullIfEmpty(w.kernel)},
                        {"wslg", nullIfEmpty(w.wslg)},         {"msrdc", nullIfEmpty(w.msrdc)},
                        {"direct3d", nullIfEmpty(w.direct3d)}, {"dxcore", nullIfEmpty(w.dxcore)},
                        {"windows", nullIfEmpty(w.windows)}};
    }
    if (v.interfaces)
        j["interfaces"] = toJsonArray(*v.interfaces);
    if (v.routes)
        j["routes"] = toJsonArray(*v.routes);
    if (v.nameservers)
        j["nameservers"] = *v.nameservers;
    return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string snapshotToJson(const Snapshot &s)
{
    std::string out;
    out.reserve(1024 * (s.processes.size() + 16)); // about a kilobyte per process
    JsonWriter w(out);
    w.beginObject();
    w.key("schema");
    w.value(kSnapshotSchema);
    w.key("taken_at");
    w.value(s.takenAt);

    w.key("vantages");
    w.beginArray();
    for (const VantageReport &v : s.vantages) {
        w.beginObject();
        w.key("name");
        w.value(v.name);
        w.key("role");
        w.value(toString(v.role));
        w.key("distro");
        w.valueOrNull(v.distro);
        w.key("ok");
        w.value(v.ok);
        w.key("error");
        w.valueOrNull(v.error);
        w.key("pid_ns");
        w.valueOrNull(v.pidNs);
        w.key("net_ns");
        w.valueOrNull(v.netNs);
        w.key("kernel");
        w.valueOrNull(v.kernel);
        w.key("hostname");
        w.valueOrNull(v.hostname);
        w.key("os");
        w.valueOrNull(v.os);
        w.key("process_count");
        w.value(v.processCount);
        w.key("warnings");
        w.value(v.warnings);
        w.endObject();
    }
    w.endArray();

    w.key("pid_namespaces");
    w.beginArray();
    for (const PidNamespace &n : s.pidNamespaces) {
        w.beginObject();
        w.key("id");
        w.value(n.id);
        w.key("inode");
        w.valueOrNull(n.inode);
        w.key("parent");
        w.valueOrNull(n.parent);
        w.key("role");
        w.value(toString(n.role));
        w.key("label");
        w.value(n.label);
        if (n.name.kind != NameKind::None)
            writeName(w, n.name);
        w.key("distros");
        w.value(n.distros);
        w.key("depth");
        n.depth < 0 ? w.null() : w.value(n.depth);
        w.key("process_count");
        w.value(n.processCount);
        w.key("vantages");
        w.value(n.vantages);
        w.key("evidence");
        w.beginArray();
        for (const Evidence &e : n.evidence) {
            w.beginObject();
            w.key("kind");
            w.value(toString(e.kind));
            w.key("vantage");
            w.valueOrNull(e.vantage);
            if (e.pid) {
                w.key("pid");
                w.value(e.pid);
            }
            if (e.ppid) {
                w.key("ppid");
                w.value(e.ppid);
            }
            w.key("text");
            w.value(e.text);
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();

    w.key("processes");
    w.beginArray();
    std::string link;
    for (const Process &p : s.processes) {
        w.beginObject();
        w.key("name");
        w.value(p.name);
        w.key("cmdline");
        w.value(p.cmdline);
        w.key("pid_ns");
        w.value(p.pidNs);
        w.key("chain");
        w.beginArray();
        for (const ChainLink &c : p.chain) {
            w.beginObject();
            w.key("ns");
            w.value(c.ns);
            w.key("pid");
            w.value(c.pid);
            w.endObject();
        }
        w.endArray();
        w.key("ppid");
        w.value(p.ppid);
        w.key("uid");
        w.valueOrNull(p.uid);
        w.key("start_ticks");
        w.valueOrNull(p.startTicks);
        w.key("distro");
        w.valueOrNull(p.distro);
        w.key("ns");
        w.beginObject();
        for (const auto &[type, inode] : p.ns) {
            w.key(type);
            writeNsLinkId(link, type, inode);
            w.value(link);
        }
        w.endObject();
        w.key("seen_by");
        w.value(p.seenBy);
        w.endObject();
    }
    w.endArray();

    ojson distros = ojson::array();
    for (const Distro &d : s.distros)
        distros.push_back(toJson(d));
    w.key("distros");
    w.tree(distros);
    ojson captures = ojson::array();
    for (const Capture &c : s.captures)
        captures.push_back({{"kind", c.kind}, {"ok", c.ok}, {"error", nullIfEmpty(c.error)}});
    w.key("captures");
    w.tree(captures);

    ojson network;
    network["mode"] = nullIfEmpty(s.network.mode);
    network["host_adapters"] = toJsonArray(s.network.hostAdapters);
    network["switches"] = toJsonArray(s.network.switches);
    network["nat"] = s.network.nat ? toJson(*s.network.nat) : ojson();
    network["subnets"] = toJsonArray(s.network.subnets);
    network["namespaces"] = toJsonArray(s.network.namespaces);
    ojson links = ojson::array();
    for (const NetLink &l : s.network.links) {
        ojson j;
        j["from"] = l.from;
        j["to"] = l.to;
        j["kind"] = toString(l.kind);
        j["text"] = l.text;
        links.push_back(std::move(j));
    }
    network["links"] = std::move(links);
    network["findings"] = toJson(s.network.findings);
    w.key("network");
    w.tree(network);
    w.key("findings");
    w.tree(toJson(s.findings));
    w.endObject();
    out += '\n';
    return out;
}

bool snapshotFromJson(std::string_view text, Snapshot &snapshot, std::string &error)
{
    json doc;
    try {
        doc = json::parse(text.begin(), text.end());
    } catch (const json::parse_error &e) {
        error = "it is not valid JSON (byte " + std::to_string(e.byte) +
                "); the file is damaged or not a snapshot";
        return false;
    } catch (const json::exception &e) {
        // Not every parse failure is a parse_error: a number beyond a double's range (1e400) is out_of_range.
        error = std::string("it is not valid JSON (") + e.what() + "); the file is damaged or not a snapshot";
        return false;
    }
    if (!doc.is_object() || !doc.contains("schema") || !doc["schema"].is_string()) {
        error = "it is not a WSL Atlas snapshot (no \"schema\" field)";
        return false;
    }
    const std::string schema = doc["schema"].get<std::string>();
    constexpr std::string_view prefix = "wslatlas.snapshot/";
    if (schema.rfind(prefix, 0) != 0) {
        error = "it is not a WSL Atlas snapshot (schema \"" + schema + "\")";
        return false;
    }
    const std::string version = schema.substr(prefix.size());
    const std::string major = version.substr(0, version.find('.'));
    if (major != "1") {
        error = "it was written in snapshot format " + version +
                ", which this version of WSL Atlas cannot read (it reads format 1); update WSL Atlas";
        return false;
    }
    Snapshot result;
    try {
        readSnapshot(doc, result);
    } catch (const FieldError &e) {
        error = "it is damaged: " + e.message;
        return false;
    } catch (const json::exception &e) {
        error = std::string("it is damaged: ") + e.what();
        return false;
    }
    snapshot = std::move(result);
    return true;
}

bool loadSnapshotFile(const std::string &path, Snapshot &snapshot, std::string &error)
{
    std::error_code ec;
    if (std::filesystem::is_directory(pathFromUtf8(path), ec)) {
        error = "cannot open " + path + ": it is a folder, not a snapshot file";
        return false;
    }
    std::string data;
    if (!readFile(path, data, error))
        return false;
    std::string why;
    if (!snapshotFromJson(data, snapshot, why)) {
        error = "cannot open " + path + ": " + why;
        return false;
    }
    return true;
}

bool saveSnapshotFile(const std::string &path, const Snapshot &snapshot, std::string &error)
{
    return writeFileAtomically(path, snapshotToJson(snapshot), error);
}

} // namespace wslatlas
