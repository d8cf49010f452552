// Helpers of the redaction tests: fixture files, a fixed key, and counting
// whole occurrences of a value.

#ifndef NGXFIX_TESTS_REDACT_REDACT_TEST_SUPPORT_H_
#define NGXFIX_TESTS_REDACT_REDACT_TEST_SUPPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "redact/redact.h"

namespace ngxfix::testing {

// The rows of a fixture file under tests/redact/fixtures: tab-separated
// cells, '#' lines and blank lines skipped, "\n" and "\\" unescaped.
std::vector<std::vector<std::string>> ReadFixtureRows(const std::string& name);

// A key for reproducible tests, different for each `seed`.
RedactionKey TestKey(int seed = 0);

// How many times `value` occurs in `text` where it stands whole (the bytes
// around it do not continue it, as redaction and Rehydrate judge).
size_t WholeOccurrences(std::string_view text, std::string_view value, RedactionKind kind);

// Where `value` can still be read in `text`, judged apart from redact/'s
// own code: as it is, regex-escaped or percent-encoded (either case);
// secrets and words anywhere, addresses and hostnames where no letter or
// digit continues them (a %XX escape counting as the byte it encodes) and
// an address not inside a longer dotted number.  The offsets of the
// occurrences; empty when it cannot be read.
std::vector<size_t> ReadableAt(std::string_view text, std::string_view value, RedactionKind kind);

}  // namespace ngxfix::testing

#endif  // NGXFIX_TESTS_REDACT_REDACT_TEST_SUPPORT_H_
