// upstream-buffer-too-small: the error log says "upstream sent too big
// header" for a backend (`--evidence`): its response header (large cookies,
// tokens) does not fit in proxy_buffer_size (grpc_, fastcgi_, uwsgi_,
// scgi_buffer_size), one memory page by default, and the client gets 502.
// Nothing in the configuration shows it; only the log does.  The fix raises
// the buffer to 16k and keeps the checks nginx makes when it merges the
// settings (ngx_http_proxy_merge_loc_conf and its twins): the busy buffers
// (2 x the largest buffer by default) must fit in all proxy_buffers but one,
// and an explicit busy or temp-file write size must hold the largest
// buffer.  See docs/rules/upstream-buffer-too-small.md.

#include <algorithm>
#include <optional>

#include "core/inheritance.h"
#include "core/tsv.h"
#include "core/rules/rule_helpers.h"

namespace ngxfix::rules {
namespace {

constexpr uint64_t kTarget = 16 * 1024;
constexpr std::string_view kTargetText = "16k";

// An nginx size ("4k", "1m", "8192"); the first of a default's
// alternatives ("4k|8k": one memory page, 4k on x86-64).
std::optional<uint64_t> ParseSize(std::string_view text) {
  text = text.substr(0, text.find('|'));
  if (text.empty()) return std::nullopt;
  uint64_t scale = 1;
  switch (text.back()) {
    case 'k': case 'K': scale = 1024; text.remove_suffix(1); break;
    case 'm': case 'M': scale = 1024 * 1024; text.remove_suffix(1); break;
    default: break;
  }
  if (text.empty() || text.size() > 12 ||
      !std::all_of(text.begin(), text.end(),
                   [](char ch) { return ch >= '0' && ch <= '9'; })) {
    return std::nullopt;
  }
  return std::stoull(std::string(text)) * scale;
}

std::string SizeText(uint64_t bytes) {
  if (bytes % (1024 * 1024) == 0) return std::to_string(bytes >> 20) + "m";
  if (bytes % 1024 == 0) return std::to_string(bytes >> 10) + "k";
  return std::to_string(bytes);
}

// The words of the statement in effect for `name` (without the name);
// nullopt when no level sets it.
std::optional<std::vector<std::string>> WordsInEffect(
    const RuleContext& context, uint32_t block, std::string_view name) {
  Effective effective = EffectiveDirective(context.analysis(), block, name);
  if (effective.nodes.empty()) return std::nullopt;
  std::vector<std::string> words = Values(context.tree(), effective.nodes[0]);
  words.erase(words.begin());
  return words;
}

// The same, or nginx's default split into words.
std::vector<std::string> EffectiveWords(const RuleContext& context,
                                        uint32_t block, std::string_view name) {
  if (auto words = WordsInEffect(context, block, name)) return *words;
  std::string value = DefaultValue(name, context.version());
  if (value.empty()) return {};
  std::vector<std::string_view> words = Split(value, ' ');
  return {words.begin(), words.end()};
}

// The size the first word says, or `fallback`.
uint64_t FirstSize(const std::vector<std::string>& words, uint64_t fallback) {
  return words.empty() ? fallback : ParseSize(words[0]).value_or(fallback);
}

}  // namespace

void CheckUpstreamBufferTooSmall(RuleContext& context) {
  const Analysis& analysis = context.analysis();
  for (const Pass& pass : analysis.passes()) {
    if (!analysis.Logged(pass, "upstream-buffer-too-small")) continue;
    std::string prefix = pass.directive.substr(0, pass.directive.find('_'));
    if (prefix == "memcached") continue;
    uint32_t block = SettingsBlock(analysis, pass.node);
    std::string buffer_size = prefix + "_buffer_size";
    std::vector<std::string> size_words =
        EffectiveWords(context, block, buffer_size);
    uint64_t size = FirstSize(size_words, 4096);
    std::string message = "the error log says " + pass.backend +
                          " sent a response header larger than " +
                          buffer_size + " (" + SizeText(size) + ")";
    std::string why =
        "nginx reads the backend's whole response header into one buffer of " +
        buffer_size + "; a header that does not fit (large cookies or "
        "tokens) gives \"upstream sent too big header\" and 502 Bad Gateway.";
    if (size >= kTarget) {
      context.Report(pass.node, message,
                     why + " It is already " + SizeText(size) +
                         ": raise it to the size of the largest header "
                         "the backend sends.");
      continue;
    }
    FixBuilder builder = context.Builder(pass.node);
    std::vector<Edit> edits;
    std::vector<std::string> statements;
    SetScalar(context, builder, pass.node, buffer_size, kTargetText, &edits,
              &statements);
    std::string explanation = why + " The fix sets " + buffer_size + " " +
                              std::string(kTargetText) + ".";
    // grpc_pass has one buffer; the others also buffer the body, and nginx
    // checks the buffers against each other when it loads the settings.
    if (prefix != "grpc") {
      std::vector<std::string> bufs =
          EffectiveWords(context, block, prefix + "_buffers");
      uint64_t count = 8, each = 4096;
      if (bufs.size() == 2) {
        count = std::max<uint64_t>(2, ParseSize(bufs[0]).value_or(8));
        each = ParseSize(bufs[1]).value_or(4096);
      }
      uint64_t largest = std::max(kTarget, each);
      std::string busy_name = prefix + "_busy_buffers_size";
      uint64_t busy = 2 * largest;
      if (auto busy_words = WordsInEffect(context, block, busy_name)) {
        busy = FirstSize(*busy_words, 2 * largest);
        if (busy < largest) {
          busy = 2 * largest;
          SetScalar(context, builder, pass.node, busy_name, SizeText(busy),
                    &edits, &statements);
        }
      }
      if (busy > (count - 1) * each) {
        each = std::max(each, kTarget);
        count = std::max<uint64_t>(count, busy / each + 2);
        SetDirective(context, builder, pass.node, prefix + "_buffers",
                     {std::to_string(count), SizeText(each)}, &edits,
                     &statements);
        explanation += " " + prefix + "_buffers becomes " +
                       std::to_string(count) + " " + SizeText(each) +
                       ", since nginx requires the busy buffers (" +
                       SizeText(busy) + ") to fit in all of them but one.";
      }
      std::string write_name = prefix + "_temp_file_write_size";
      auto write_words = WordsInEffect(context, block, write_name);
      if (write_words && FirstSize(*write_words, 0) < largest) {
        SetScalar(context, builder, pass.node, write_name,
                  SizeText(2 * largest), &edits, &statements);
      }
    }
    if (!statements.empty()) {
      edits.push_back(InsertSettings(context, builder, pass.node, statements));
    }
    context.Report(pass.node, message, explanation, std::move(edits));
  }
}

}  // namespace ngxfix::rules
