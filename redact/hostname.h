// Hostnames: which are not sensitive, which suffixes carry meaning and are
// kept (data/hostnames.tsv), and the placeholder of a redacted name.
//
// A placeholder is made label by label, so that names that share a parent
// still share one: each label before the kept suffix becomes a keyed
// pseudo-random label of the same length (at least 3), labels that say what
// a host is (www, api, us-east-1) stay, and a dashed IPv4 address in a label
// (10-244-1-10.default.pod.cluster.local, ip-172-16-0-25.compute.internal)
// goes through the address mapping.  Names written with escaped dots, as in
// a server_name regex (api\.acme\.com), keep them.

#ifndef NGXFIX_REDACT_HOSTNAME_H_
#define NGXFIX_REDACT_HOSTNAME_H_

#include <string>
#include <string_view>
#include <vector>

#include "redact/address.h"
#include "redact/redact.h"

namespace ngxfix::redact {

// Whether `name` (any case, '.' or '\.' between labels) is, or lies under,
// a name of treatment "keep".
bool IsKeptHostname(std::string_view name);

// Whether `name` is a syntactically valid hostname: labels of letters,
// digits, '-' and '_' (not starting or ending with '-'), separated by '.' or
// '\.', an optional final '.', and at least `min_labels` labels.
bool IsHostname(std::string_view name, int min_labels);

// An RE2 alternation of every "suffix" (dots written as `(?:\.|\\\.)`),
// longest first, for the hostname pattern of data/patterns.tsv.
std::string SuffixAlternation();

// Whether `name` ends in a "suffix" (so the hostname pattern finds it
// wherever it stands whole).
bool HasKnownSuffix(std::string_view name);

// The names above `name` that still say whose it is, longest first: down to
// the label before its known suffix (corp-name.de of status.corp-name.de),
// or to two labels under an unknown one; none that starts with a kept label
// (us-east-1.elb.amazonaws.com says nothing of its owner).
std::vector<std::string> ParentNames(std::string_view name);

// Whether `word` (lower case) is an "extension" that may follow a hostname
// in a file name.
bool IsFileExtension(std::string_view word);

// The placeholder of `name`.  `attempt` > 0 draws a different one, for when
// the first collides with something.
std::string HostnamePlaceholder(std::string_view name, const RedactionKey& key,
                                AddressMapper& addresses, int attempt);

}  // namespace ngxfix::redact

#endif  // NGXFIX_REDACT_HOSTNAME_H_
