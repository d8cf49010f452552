// Tests of core/json_export.h: ngxfix's own JSON format, and crossplane's.
//
// The crossplane expectations come from nginxinc/crossplane's own tests:
// tests/test_parse.py and tests/ext/test_lua.py hold expected payloads for
// configs in tests/configs/ (the same files are in our corpus at
// ../shared/corpus/crossplane/NAME/); where crossplane tests a config only
// through its lexer (tests/test_lex.py) or formatter (tests/test_format.py),
// the payload is derived from those token lists with parser.py's rules.
// Each test says which, and where our output differs from crossplane's on
// purpose (nginx's parse rather than crossplane's), it says why.

#include "core/json_export.h"

#include <gtest/gtest.h>

#include <string>

#include "core/parser.h"
#include "tests/support/test_support.h"

namespace ngxfix {
namespace {

using nlohmann::json;

// Written JSON as a plain nlohmann::json (so that comparisons ignore key
// order); parsing it fails on anything that is not JSON or not UTF-8.
json Plain(const std::string& text) { return json::parse(text); }

// What `ngxfix parse --format crossplane` writes (ASCII only), and what
// `ngxfix parse` writes.
std::string CrossplaneText(const SyntaxTree& tree, CrossplaneOptions options = {}) {
  return JsonText([&](JsonWriter& j) { WriteCrossplane(tree, j, options); }, -1,
                  /*ascii=*/true);
}

std::string NgxfixText(const SyntaxTree& tree) {
  return JsonText([&](JsonWriter& j) { WriteTreeJson(tree, j); });
}

::testing::AssertionResult JsonEq(const json& expected, const json& actual) {
  if (expected == actual) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "JSON differs; patch from expected to actual:\n"
         << json::diff(expected, actual).dump(2) << "\nactual:\n"
         << actual.dump(2);
}

SyntaxTree ParseAs(const std::string& text, const std::string& file = "-") {
  ParseOptions options;
  options.file_name = file;
  return Parse(text, options);
}

json Crossplane(const std::string& text, const std::string& file = "-",
                bool comments = false) {
  return Plain(CrossplaneText(ParseAs(text, file), {comments}));
}

json Ngxfix(const std::string& text, const std::string& file = "-") {
  return Plain(NgxfixText(ParseAs(text, file)));
}

// The crossplane payload of a one-file input.
json Payload(const std::string& file, const std::string& parsed) {
  return json{{"status", "ok"},
              {"errors", json::array()},
              {"config", json::array({json{{"file", file},
                                           {"status", "ok"},
                                           {"errors", json::array()},
                                           {"parsed", json::parse(parsed)}}})}};
}

bool LoadCorpus(const std::string& relative, std::string* text) {
  std::string dir = testing::CorpusDir();
  if (dir.empty()) return false;
  try {
    *text = testing::ReadFile(dir + "/" + relative);
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

// Reads ../shared/corpus/crossplane/NAME into `var`, or skips the test.
#define LOAD_CROSSPLANE_CONFIG_OR_SKIP(var, name)                             \
  std::string var;                                                            \
  if (!LoadCorpus(std::string("crossplane/") + (name), &var)) {               \
    GTEST_SKIP() << "corpus file crossplane/" << (name)                       \
                 << " not found (../shared/corpus beside the repository, or " \
                    "$NGXFIX_CORPUS)";                                        \
  }

// ---------------------------------------------------------------------------
// crossplane's format, on crossplane's own test configs.

// tests/test_lex.py test_simple_config; the same payload as crossplane's
// README example and test_ignore_directives without the ignoring.
TEST(CrossplaneCorpusTest, Simple) {
  LOAD_CROSSPLANE_CONFIG_OR_SKIP(text, "simple/nginx.conf");
  EXPECT_TRUE(JsonEq(Payload("simple/nginx.conf", R"json([
    {"directive": "events", "line": 1, "args": [], "block": [
      {"directive": "worker_connections", "line": 2, "args": ["1024"]}]},
    {"directive": "http", "line": 5, "args": [], "block": [
      {"directive": "server", "line": 6, "args": [], "block": [
        {"directive": "listen", "line": 7, "args": ["127.0.0.1:8080"]},
        {"directive": "server_name", "line": 8, "args": ["default_server"]},
        {"directive": "location", "line": 9, "args": ["/"], "block": [
          {"directive": "return", "line": 10, "args": ["200", "foo bar baz"]}]}]}]}
  ])json"),
                     Crossplane(text, "simple/nginx.conf")));
}

// tests/test_parse.py test_config_with_comments (comments=True).
TEST(CrossplaneCorpusTest, WithComments) {
  LOAD_CROSSPLANE_CONFIG_OR_SKIP(text, "with-comments/nginx.conf");
  EXPECT_TRUE(JsonEq(Payload("with-comments/nginx.conf", R"json([
    {"directive": "events", "line": 1, "args": [], "block": [
      {"directive": "worker_connections", "line": 2, "args": ["1024"]}]},
    {"directive": "#", "line": 4, "args": [], "comment": "comment"},
    {"directive": "http", "line": 5, "args": [], "block": [
      {"directive": "server", "line": 6, "args": [], "block": [
        {"directive": "listen", "line": 7, "args": ["127.0.0.1:8080"]},
        {"directive": "#", "line": 7, "args": [], "comment": "listen"},
        {"directive": "server_name", "line": 8, "args": ["default_server"]},
        {"directive": "location", "line": 9, "args": ["/"], "block": [
          {"directive": "#", "line": 9, "args": [], "comment": "# this is brace"},
          {"directive": "#", "line": 10, "args": [], "comment": " location /"},
          {"directive": "return", "line": 11, "args": ["200", "foo bar baz"]}]}]}]}
  ])json"),
                     Crossplane(text, "with-comments/nginx.conf", true)));
}

// tests/test_parse.py test_config_without_comments.
TEST(CrossplaneCorpusTest, WithoutComments) {
  LOAD_CROSSPLANE_CONFIG_OR_SKIP(text, "with-comments/nginx.conf");
  EXPECT_TRUE(JsonEq(Payload("with-comments/nginx.conf", R"json([
    {"directive": "events", "line": 1, "args": [], "block": [
      {"directive": "worker_connections", "line": 2, "args": ["1024"]}]},
    {"directive": "http", "line": 5, "args": [], "block": [
      {"directive": "server", "line": 6, "args": [], "block": [
        {"directive": "listen", "line": 7, "args": ["127.0.0.1:8080"]},
        {"directive": "server_name", "line": 8, "args": ["default_server"]},
        {"directive": "location", "line": 9, "args": ["/"], "block": [
          {"directive": "return", "line": 11, "args": ["200", "foo bar baz"]}]}]}]}
  ])json"),
                     Crossplane(text, "with-comments/nginx.conf")));
}

// tests/test_parse.py test_comments_between_args (comments=True).  Escapes
// in unquoted words stay as written: \#arg\ 1.
TEST(CrossplaneCorpusTest, CommentsBetweenArgs) {
  LOAD_CROSSPLANE_CONFIG_OR_SKIP(text, "comments-between-args/nginx.conf");
  EXPECT_TRUE(
      JsonEq(Payload("comments-between-args/nginx.conf", R"json([
    {"directive": "http", "line": 1, "args": [], "block": [
      {"directive": "#", "line": 1, "args": [], "comment": "comment 1"},
      {"directive": "log_format", "line": 2, "args": ["\\#arg\\ 1", "#arg 2"]},
      {"directive": "#", "line": 2, "args": [], "comment": "comment 2"},
      {"directive": "#", "line": 2, "args": [], "comment": "comment 3"},
      {"directive": "#", "line": 2, "args": [], "comment": "comment 4"},
      {"directive": "#", "line": 2, "args": [], "comment": "comment 5"}]}
  ])json"),
             Crossplane(text, "comments-between-args/nginx.conf", true)));
}

// Without comments=True, parser.py still appends the comments found between
// a statement's arguments (its comments_in_args loop has no `if comments`);
// only "comment 1", which stands on its own, goes.
TEST(CrossplaneCorpusTest, CommentsBetweenArgsWithoutComments) {
  LOAD_CROSSPLANE_CONFIG_OR_SKIP(text, "comments-between-args/nginx.conf");
  EXPECT_TRUE(JsonEq(Payload("comments-between-args/nginx.conf", R"json([
    {"directive": "http", "line": 1, "args": [], "block": [
      {"directive": "log_format", "line": 2, "args": ["\\#arg\\ 1", "#arg 2"]},
      {"directive": "#", "line": 2, "args": [], "comment": "comment 2"},
      {"directive": "#", "line": 2, "args": [], "comment": "comment 3"},
      {"directive": "#", "line": 2, "args": [], "comment": "comment 4"},
      {"directive": "#", "line": 2, "args": [], "comment": "comment 5"}]}
  ])json"),
                     Crossplane(text, "comments-between-args/nginx.conf")));
}

// Derived from tests/test_lex.py test_messy_config (and test_format.py's
// test_format_messy_config): quoted directives, escapes kept as written
// except \", a quoted newline, a comment ending in a backslash (dropped: the
// lexer pairs it with the newline), "if" without its parentheses.
//
// One difference on purpose: crossplane's lexer reads "/abc/${uri}
// /abc/${uri}.html" as one word (after "${...}" it appends the space), nginx
// reads two; we give nginx's.
const char kMessyWithComments[] = R"json([
  {"directive": "user", "line": 1, "args": ["nobody"]},
  {"directive": "#", "line": 2, "args": [],
   "comment": " hello\\n\\\\n\\\\\\n worlddd  \\#\\\\#\\\\\\# dfsf\\n \\\\n \\\\\\n "},
  {"directive": "events", "line": 3, "args": [], "block": [
    {"directive": "worker_connections", "line": 3, "args": ["2048"]}]},
  {"directive": "http", "line": 5, "args": [], "block": [
    {"directive": "#", "line": 5, "args": [], "comment": "forteen"},
    {"directive": "#", "line": 6, "args": [], "comment": " this is a comment"},
    {"directive": "access_log", "line": 7, "args": ["off"]},
    {"directive": "default_type", "line": 7, "args": ["text/plain"]},
    {"directive": "error_log", "line": 7, "args": ["off"]},
    {"directive": "server", "line": 8, "args": [], "block": [
      {"directive": "listen", "line": 9, "args": ["8083"]},
      {"directive": "return", "line": 10, "args": ["200",
        "Ser\" ' ' ver\\\\ \\ $server_addr:\\$server_port\\n\\nTime: $time_local\\n\\n"]}]},
    {"directive": "server", "line": 12, "args": [], "block": [
      {"directive": "listen", "line": 12, "args": ["8080"]},
      {"directive": "root", "line": 13, "args": ["/usr/share/nginx/html"]},
      {"directive": "location", "line": 14, "args": ["~", "/hello/world;"], "block": [
        {"directive": "return", "line": 14, "args": ["301", "/status.html"]}]},
      {"directive": "location", "line": 15, "args": ["/foo"], "block": []},
      {"directive": "location", "line": 15, "args": ["/bar"], "block": []},
      {"directive": "location", "line": 16, "args": ["/\\{\\;\\}\\ #\\ ab"], "block": []},
      {"directive": "#", "line": 16, "args": [], "comment": " hello"},
      {"directive": "if", "line": 17, "args": ["$request_method", "=", "P\\{O\\)\\###\\;ST"],
       "block": []},
      {"directive": "location", "line": 18, "args": ["/status.html"], "block": [
        {"directive": "try_files", "line": 19,
         "args": ["/abc/${uri}", "/abc/${uri}.html", "=404"]}]},
      {"directive": "location", "line": 21, "args": ["/sta;\n                    tus"],
       "block": [{"directive": "return", "line": 22, "args": ["302", "/status.html"]}]},
      {"directive": "location", "line": 23, "args": ["/upstream_conf"], "block": [
        {"directive": "return", "line": 23, "args": ["200", "/status.html"]}]}]},
    {"directive": "server", "line": 24, "args": [], "block": []}]}
])json";

json WithoutCommentStatements(const json& parsed) {
  json out = json::array();
  for (const json& stmt : parsed) {
    if (stmt["directive"] == "#") continue;
    json copy = stmt;
    if (copy.contains("block"))
      copy["block"] = WithoutCommentStatements(stmt["block"]);
    out.push_back(copy);
  }
  return out;
}

TEST(CrossplaneCorpusTest, Messy) {
  LOAD_CROSSPLANE_CONFIG_OR_SKIP(text, "messy/nginx.conf");
  EXPECT_TRUE(JsonEq(Payload("messy/nginx.conf", kMessyWithComments),
                     Crossplane(text, "messy/nginx.conf", true)));
  json without = Payload("messy/nginx.conf", "[]");
  without["config"][0]["parsed"] =
      WithoutCommentStatements(json::parse(kMessyWithComments));
  EXPECT_TRUE(JsonEq(without, Crossplane(text, "messy/nginx.conf")));
}

// Derived from tests/test_lex.py test_quote_behavior: crossplane reads
// `"left"-quote` as two words and `""left-empty` as "" and left-empty, and
// reports nothing.  nginx rejects both lines (a quoted word must be followed
// by a space, ';', '{' or ')'), and so do we, with nginx's words and lines;
// the recovered statements are the ones crossplane gives.
TEST(CrossplaneCorpusTest, QuoteBehavior) {
  LOAD_CROSSPLANE_CONFIG_OR_SKIP(text, "quote-behavior/nginx.conf");
  const std::string file = "quote-behavior/nginx.conf";
  json expected = Payload(file, R"json([
    {"directive": "outer-quote", "line": 1,
     "args": ["left", "-quote", "right-\"quote\"", "inner\"-\"quote"]},
    {"directive": "", "line": 2,
     "args": ["", "left-empty", "right-empty\"\"", "inner\"\"empty", "right-empty-single\""]}
  ])json");
  expected["status"] = "failed";
  expected["errors"] = json::parse(R"json([
    {"file": "quote-behavior/nginx.conf", "line": 1,
     "error": "unexpected \"-\" in quote-behavior/nginx.conf:1"},
    {"file": "quote-behavior/nginx.conf", "line": 2,
     "error": "unexpected \"l\" in quote-behavior/nginx.conf:2"}
  ])json");
  expected["config"][0]["status"] = "failed";
  expected["config"][0]["errors"] = json::parse(R"json([
    {"line": 1, "error": "unexpected \"-\" in quote-behavior/nginx.conf:1"},
    {"line": 2, "error": "unexpected \"l\" in quote-behavior/nginx.conf:2"}
  ])json");
  EXPECT_TRUE(JsonEq(expected, Crossplane(text, file)));
}

// Derived from tests/test_lex.py test_quoted_right_brace: a quoted '}' is an
// argument, not the end of a block.
TEST(CrossplaneCorpusTest, QuotedRightBrace) {
  LOAD_CROSSPLANE_CONFIG_OR_SKIP(text, "quoted-right-brace/nginx.conf");
  EXPECT_TRUE(JsonEq(Payload("quoted-right-brace/nginx.conf", R"json([
    {"directive": "events", "line": 1, "args": [], "block": []},
    {"directive": "http", "line": 2, "args": [], "block": [
      {"directive": "log_format", "line": 3, "args": ["main", "escape=json",
        "{ \"@timestamp\": \"$time_iso8601\", ",
        "\"server_name\": \"$server_name\", ",
        "\"host\": \"$host\", ",
        "\"status\": \"$status\", ",
        "\"request\": \"$request\", ",
        "\"uri\": \"$uri\", ",
        "\"args\": \"$args\", ",
        "\"https\": \"$https\", ",
        "\"request_method\": \"$request_method\", ",
        "\"referer\": \"$http_referer\", ",
        "\"agent\": \"$http_user_agent\"",
        "}"]}]}
  ])json"),
                     Crossplane(text, "quoted-right-brace/nginx.conf")));
}

// The configs of tests/test_build.py's compare_parsed_and_built tests
// (russian-text, empty-value-map, directive-with-space): crossplane checks
// them by round trip; the payloads follow from its lexer and parser.  Word
// lists (map) are statements like any other.
TEST(CrossplaneCorpusTest, RussianText) {
  LOAD_CROSSPLANE_CONFIG_OR_SKIP(text, "russian-text/nginx.conf");
  EXPECT_TRUE(JsonEq(Payload("russian-text/nginx.conf", R"json([
    {"directive": "env", "line": 1, "args": ["русский текст"]},
    {"directive": "events", "line": 2, "args": [], "block": []}
  ])json"),
                     Crossplane(text, "russian-text/nginx.conf")));
}

TEST(CrossplaneCorpusTest, EmptyValueMap) {
  LOAD_CROSSPLANE_CONFIG_OR_SKIP(text, "empty-value-map/nginx.conf");
  EXPECT_TRUE(JsonEq(Payload("empty-value-map/nginx.conf", R"json([
    {"directive": "events", "line": 1, "args": [], "block": []},
    {"directive": "http", "line": 3, "args": [], "block": [
      {"directive": "map", "line": 4, "args": ["string", "$variable"], "block": [
        {"directive": "", "line": 5, "args": ["$arg"]},
        {"directive": "*.example.com", "line": 6, "args": [""]}]}]}
  ])json"),
                     Crossplane(text, "empty-value-map/nginx.conf")));
}

TEST(CrossplaneCorpusTest, DirectiveWithSpace) {
  LOAD_CROSSPLANE_CONFIG_OR_SKIP(text, "directive-with-space/nginx.conf");
  EXPECT_TRUE(JsonEq(Payload("directive-with-space/nginx.conf", R"json([
    {"directive": "events", "line": 1, "args": [], "block": []},
    {"directive": "http", "line": 3, "args": [], "block": [
      {"directive": "map", "line": 4, "args": ["$http_user_agent", "$mobile"], "block": [
        {"directive": "default", "line": 5, "args": ["0"]},
        {"directive": "~Opera Mini", "line": 6, "args": ["1"]}]}]}
  ])json"),
                     Crossplane(text, "directive-with-space/nginx.conf")));
}

// tests/ext/test_lua.py test_parse_lua_block_simple: the raw Lua body is the
// one argument.  Our corpus has crossplane's later version of this config,
// whose balancer_by_lua_block has a '{' inside a Lua comment (ext/lua.py
// skips "--" comments since); that body is taken from the file.
TEST(CrossplaneCorpusTest, LuaBlockSimple) {
  LOAD_CROSSPLANE_CONFIG_OR_SKIP(text, "lua-block-simple/nginx.conf");
  EXPECT_TRUE(JsonEq(Payload("lua-block-simple/nginx.conf", R"json([
    {"directive": "http", "line": 1, "args": [], "block": [
      {"directive": "init_by_lua_block", "line": 2,
       "args": ["\n        print(\"Lua block code with curly brace str {\")\n    "]},
      {"directive": "init_worker_by_lua_block", "line": 5,
       "args": ["\n        print(\"Work that every worker\")\n    "]},
      {"directive": "body_filter_by_lua_block", "line": 8,
       "args": ["\n        local data, eof = ngx.arg[1], ngx.arg[2]\n    "]},
      {"directive": "header_filter_by_lua_block", "line": 11,
       "args": ["\n        ngx.header[\"content-length\"] = nil\n    "]},
      {"directive": "server", "line": 14, "args": [], "block": [
        {"directive": "listen", "line": 15, "args": ["127.0.0.1:8080"]},
        {"directive": "location", "line": 16, "args": ["/"], "block": [
          {"directive": "content_by_lua_block", "line": 17,
           "args": ["\n                ngx.say(\"I need no extra escaping here, for example: \\r\\nblah\")\n            "]},
          {"directive": "return", "line": 20, "args": ["200", "foo bar baz"]}]},
        {"directive": "ssl_certificate_by_lua_block", "line": 22,
         "args": ["\n            print(\"About to initiate a new SSL handshake!\")\n        "]},
        {"directive": "location", "line": 25, "args": ["/a"], "block": [
          {"directive": "client_max_body_size", "line": 26, "args": ["100k"]},
          {"directive": "client_body_buffer_size", "line": 27, "args": ["100k"]}]}]},
      {"directive": "upstream", "line": 31, "args": ["foo"], "block": [
        {"directive": "server", "line": 32, "args": ["127.0.0.1"]},
        {"directive": "balancer_by_lua_block", "line": 33,
         "args": ["\n            -- use Lua that'll do something interesting here with external bracket for testing {\n        "]},
        {"directive": "log_by_lua_block", "line": 36,
         "args": ["\n            print(\"I need no extra escaping here, for example: \\r\\nblah\")\n        "]}]}]}
  ])json"),
                     Crossplane(text, "lua-block-simple/nginx.conf")));
}

// Derived from tests/ext/test_lua.py test_lex_lua_block_larger.
TEST(CrossplaneCorpusTest, LuaBlockLarger) {
  LOAD_CROSSPLANE_CONFIG_OR_SKIP(text, "lua-block-larger/nginx.conf");
  EXPECT_TRUE(JsonEq(Payload("lua-block-larger/nginx.conf", R"json([
    {"directive": "http", "line": 1, "args": [], "block": [
      {"directive": "content_by_lua_block", "line": 2, "args": [
        "\n        ngx.req.read_body()  -- explicitly read the req body\n        local data = ngx.req.get_body_data()\n        if data then\n            ngx.say(\"body data:\")\n            ngx.print(data)\n            return\n        end\n\n        -- body may get buffered in a temp file:\n        local file = ngx.req.get_body_file()\n        if file then\n            ngx.say(\"body is in file \", file)\n        else\n            ngx.say(\"no body found\")\n        end\n    "]},
      {"directive": "access_by_lua_block", "line": 19, "args": [
        "\n        -- check the client IP address is in our black list\n        if ngx.var.remote_addr == \"132.5.72.3\" then\n            ngx.exit(ngx.HTTP_FORBIDDEN)\n        end\n\n        -- check if the URI contains bad words\n        if ngx.var.uri and\n               string.match(ngx.var.request_body, \"evil\")\n        then\n            return ngx.redirect(\"/terms_of_use.html\")\n        end\n\n        -- tests passed\n    "]}]}
  ])json"),
                     Crossplane(text, "lua-block-larger/nginx.conf")));
}

// tests/ext/test_lua.py test_parse_lua_block_tricky (comments=True): a Lua
// directive name as an argument is just a word, set_by_lua_block keeps its
// variable, a quoted directive name still opens a Lua block.
TEST(CrossplaneCorpusTest, LuaBlockTricky) {
  LOAD_CROSSPLANE_CONFIG_OR_SKIP(text, "lua-block-tricky/nginx.conf");
  EXPECT_TRUE(JsonEq(Payload("lua-block-tricky/nginx.conf", R"json([
    {"directive": "http", "line": 1, "args": [], "block": [
      {"directive": "server", "line": 2, "args": [], "block": [
        {"directive": "listen", "line": 3, "args": ["127.0.0.1:8080"]},
        {"directive": "server_name", "line": 4, "args": ["content_by_lua_block"]},
        {"directive": "#", "line": 4, "args": [],
         "comment": " make sure this doesn't trip up lexers"},
        {"directive": "set_by_lua_block", "line": 5, "args": ["$res",
          " -- irregular lua block directive\n            local a = 32\n            local b = 56\n\n            ngx.var.diff = a - b;  -- write to $diff directly\n            return a + b;          -- return the $sum value normally\n        "]},
        {"directive": "rewrite_by_lua_block", "line": 12, "args": [
          " -- have valid braces in Lua code and quotes around directive\n            do_something(\"hello, world!\\nhiya\\n\")\n            a = { 1, 2, 3 }\n            btn = iup.button({title=\"ok\"})\n        "]}]},
      {"directive": "upstream", "line": 18, "args": ["content_by_lua_block"], "block": [
        {"directive": "#", "line": 19, "args": [], "comment": " stuff"}]}]}
  ])json"),
                     Crossplane(text, "lua-block-tricky/nginx.conf", true)));
}

// crossplane reads files with errors="replace" (nginxinc/crossplane#106):
// a Latin-1 byte is one U+FFFD.
TEST(CrossplaneCorpusTest, NonUnicode) {
  LOAD_CROSSPLANE_CONFIG_OR_SKIP(text, "non-unicode/nginx.conf");
  EXPECT_TRUE(JsonEq(Payload("non-unicode/nginx.conf", R"json([
    {"directive": "http", "line": 1, "args": [], "block": [
      {"directive": "server", "line": 2, "args": [], "block": [
        {"directive": "location", "line": 3, "args": ["/city"], "block": [
          {"directive": "#", "line": 4, "args": [], "comment": " M\ufffdlln"},
          {"directive": "return", "line": 5, "args": ["200", "M\ufffdlln\\n"]}]}]}]}
  ])json"),
                     Crossplane(text, "non-unicode/nginx.conf", true)));
}

// tests/test_parse.py test_parse_missing_semicolon: the statement without
// its ';' is dropped and parsing goes on.  The error is nginx's, on nginx's
// line: nginx meets the '}' (line 5 and 8), crossplane reports 'directive
// "proxy_pass" is not terminated by ";"' on the directive's line (4 and 7).
TEST(CrossplaneCorpusTest, MissingSemicolon) {
  struct Case {
    const char* name;
    const char* parsed;
    int error_line;
  } cases[] = {
      {"missing-semicolon/broken-above.conf", R"json([
        {"directive": "http", "line": 1, "args": [], "block": [
          {"directive": "server", "line": 2, "args": [], "block": [
            {"directive": "location", "line": 3, "args": ["/is-broken"], "block": []},
            {"directive": "location", "line": 6, "args": ["/not-broken"], "block": [
              {"directive": "proxy_pass", "line": 7,
               "args": ["http://not.broken.example"]}]}]}]}
       ])json",
       5},
      {"missing-semicolon/broken-below.conf", R"json([
        {"directive": "http", "line": 1, "args": [], "block": [
          {"directive": "server", "line": 2, "args": [], "block": [
            {"directive": "location", "line": 3, "args": ["/not-broken"], "block": [
              {"directive": "proxy_pass", "line": 4,
               "args": ["http://not.broken.example"]}]},
            {"directive": "location", "line": 6, "args": ["/is-broken"], "block": []}]}]}
       ])json",
       8},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    LOAD_CROSSPLANE_CONFIG_OR_SKIP(text, c.name);
    std::string message = std::string("unexpected \"}\" in ") + c.name + ":" +
                          std::to_string(c.error_line);
    json expected = Payload(c.name, c.parsed);
    expected["status"] = "failed";
    expected["errors"] = json::array(
        {json{{"file", c.name}, {"error", message}, {"line", c.error_line}}});
    expected["config"][0]["status"] = "failed";
    expected["config"][0]["errors"] =
        json::array({json{{"error", message}, {"line", c.error_line}}});
    EXPECT_TRUE(JsonEq(expected, Crossplane(text, c.name)));
  }
}

// Like tests/test_parse.py test_parse_strict's payload, but without strict:
// an unknown directive is kept, no error.
TEST(CrossplaneCorpusTest, SpellingMistakeNotStrict) {
  LOAD_CROSSPLANE_CONFIG_OR_SKIP(text, "spelling-mistake/nginx.conf");
  EXPECT_TRUE(JsonEq(Payload("spelling-mistake/nginx.conf", R"json([
    {"directive": "events", "line": 1, "args": [], "block": []},
    {"directive": "http", "line": 3, "args": [], "block": [
      {"directive": "server", "line": 4, "args": [], "block": [
        {"directive": "location", "line": 5, "args": ["/"], "block": [
          {"directive": "#", "line": 6, "args": [], "comment": "directive is misspelled"},
          {"directive": "proxy_passs", "line": 7, "args": ["http://foo.bar"]}]}]}]}
  ])json"),
                     Crossplane(text, "spelling-mistake/nginx.conf", true)));
}

// crossplane's analyzer reports 'invalid number of arguments in "user"
// directive' and drops `user;`.  The analyzer is not reproduced (ngxfix's
// parser checks syntax only), so the statement stays and nothing is wrong.
TEST(CrossplaneCorpusTest, BadArgsAreNotAnalyzed) {
  LOAD_CROSSPLANE_CONFIG_OR_SKIP(text, "bad-args/nginx.conf");
  EXPECT_TRUE(JsonEq(Payload("bad-args/nginx.conf", R"json([
    {"directive": "user", "line": 1, "args": []},
    {"directive": "events", "line": 2, "args": [], "block": []},
    {"directive": "http", "line": 3, "args": [], "block": []}
  ])json"),
                     Crossplane(text, "bad-args/nginx.conf")));
}

// ---------------------------------------------------------------------------
// "includes": nginx -T dumps of crossplane's include tests.

std::string DumpOf(
    const std::vector<std::pair<std::string, std::string>>& files) {
  std::string dump =
      "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n"
      "nginx: configuration file /etc/nginx/nginx.conf test is successful\n";
  for (const auto& [name, text] : files) {
    dump += "# configuration file " + name + ":\n" + text + "\n";
  }
  return dump;
}

// tests/test_parse.py test_includes_globbed, with the files dumped in the
// order crossplane lists them, so that the "includes" indexes are the same.
TEST(CrossplaneCorpusTest, IncludesGlobbedFromDump) {
  const char* files[] = {"nginx.conf",
                         "http.conf",
                         "servers/server1.conf",
                         "servers/server2.conf",
                         "locations/location1.conf",
                         "locations/location2.conf"};
  std::vector<std::pair<std::string, std::string>> dump;
  for (const char* f : files) {
    std::string text;
    if (!LoadCorpus(std::string("crossplane/includes-globbed/") + f, &text)) {
      GTEST_SKIP() << "corpus folder crossplane/includes-globbed not found";
    }
    dump.emplace_back(std::string("/etc/nginx/") + f, text);
  }
  json expected = json::parse(R"json({
    "status": "ok", "errors": [],
    "config": [
      {"file": "/etc/nginx/nginx.conf", "status": "ok", "errors": [], "parsed": [
        {"directive": "events", "line": 1, "args": [], "block": []},
        {"directive": "include", "line": 2, "args": ["http.conf"], "includes": [1]}]},
      {"file": "/etc/nginx/http.conf", "status": "ok", "errors": [], "parsed": [
        {"directive": "http", "line": 1, "args": [], "block": [
          {"directive": "include", "line": 2, "args": ["servers/*.conf"],
           "includes": [2, 3]}]}]},
      {"file": "/etc/nginx/servers/server1.conf", "status": "ok", "errors": [], "parsed": [
        {"directive": "server", "line": 1, "args": [], "block": [
          {"directive": "listen", "line": 2, "args": ["8080"]},
          {"directive": "include", "line": 3, "args": ["locations/*.conf"],
           "includes": [4, 5]}]}]},
      {"file": "/etc/nginx/servers/server2.conf", "status": "ok", "errors": [], "parsed": [
        {"directive": "server", "line": 1, "args": [], "block": [
          {"directive": "listen", "line": 2, "args": ["8081"]},
          {"directive": "include", "line": 3, "args": ["locations/*.conf"],
           "includes": [4, 5]}]}]},
      {"file": "/etc/nginx/locations/location1.conf", "status": "ok", "errors": [], "parsed": [
        {"directive": "location", "line": 1, "args": ["/foo"], "block": [
          {"directive": "return", "line": 2, "args": ["200", "foo"]}]}]},
      {"file": "/etc/nginx/locations/location2.conf", "status": "ok", "errors": [], "parsed": [
        {"directive": "location", "line": 1, "args": ["/bar"], "block": [
          {"directive": "return", "line": 2, "args": ["200", "bar"]}]}]}
    ]})json");
  EXPECT_TRUE(JsonEq(expected, Plain(CrossplaneText(Parse(DumpOf(dump))))));
}

// tests/test_parse.py test_includes_regular: crossplane also reports
// "[Errno 2] No such file or directory" for bar.conf, which it tries to
// open; we know only the files given, so its "includes" is just empty.
TEST(CrossplaneCorpusTest, IncludesRegularFromDump) {
  const char* files[] = {"nginx.conf", "conf.d/server.conf", "foo.conf"};
  std::vector<std::pair<std::string, std::string>> dump;
  for (const char* f : files) {
    std::string text;
    if (!LoadCorpus(std::string("crossplane/includes-regular/") + f, &text)) {
      GTEST_SKIP() << "corpus folder crossplane/includes-regular not found";
    }
    dump.emplace_back(std::string("/etc/nginx/") + f, text);
  }
  json expected = json::parse(R"json({
    "status": "ok", "errors": [],
    "config": [
      {"file": "/etc/nginx/nginx.conf", "status": "ok", "errors": [], "parsed": [
        {"directive": "events", "line": 1, "args": [], "block": []},
        {"directive": "http", "line": 2, "args": [], "block": [
          {"directive": "include", "line": 3, "args": ["conf.d/server.conf"],
           "includes": [1]}]}]},
      {"file": "/etc/nginx/conf.d/server.conf", "status": "ok", "errors": [], "parsed": [
        {"directive": "server", "line": 1, "args": [], "block": [
          {"directive": "listen", "line": 2, "args": ["127.0.0.1:8080"]},
          {"directive": "server_name", "line": 3, "args": ["default_server"]},
          {"directive": "include", "line": 4, "args": ["foo.conf"], "includes": [2]},
          {"directive": "include", "line": 5, "args": ["bar.conf"], "includes": []}]}]},
      {"file": "/etc/nginx/foo.conf", "status": "ok", "errors": [], "parsed": [
        {"directive": "location", "line": 1, "args": ["/foo"], "block": [
          {"directive": "return", "line": 2, "args": ["200", "foo"]}]}]}
    ]})json");
  EXPECT_TRUE(JsonEq(expected, Plain(CrossplaneText(Parse(DumpOf(dump))))));
}

// ---------------------------------------------------------------------------
// crossplane's format on small inputs.

json Parsed(const json& payload, size_t file = 0) {
  return payload["config"][file]["parsed"];
}

TEST(CrossplaneTest, IncludePatternsMatchAsPythonGlob) {
  std::string dump = DumpOf({
      {"/etc/nginx/nginx.conf",
       "include conf.d/*.conf;\n"          // sorted, hidden files excluded
       "include conf.d/.*.conf;\n"         // hidden files by a '.' pattern
       "include /etc/nginx/mime.types;\n"  // absolute
       "include mime.types;\n"             // relative to nginx.conf's folder
       "include conf.d/[a]?conf;\n"        // classes, '?'
       "include conf.d/[!a]*;\n"           // negated class
       "include conf.d/*;\n"               // '*' stays in its folder
       "include */*.conf;\n"
       "include missing.conf;\n"
       "include \"conf.d/a.conf\";\n"},  // quoted
      {"/etc/nginx/conf.d/b.conf", ""},
      {"/etc/nginx/conf.d/a.conf", ""},
      {"/etc/nginx/conf.d/.hidden.conf", ""},
      {"/etc/nginx/conf.d/sub/c.conf", ""},
      {"/etc/nginx/mime.types", ""},
  });
  json parsed = Parsed(Plain(CrossplaneText(Parse(dump))));
  ASSERT_EQ(parsed.size(), 10u);
  EXPECT_EQ(parsed[0]["includes"], json({2, 1}));
  EXPECT_EQ(parsed[1]["includes"], json({3}));
  EXPECT_EQ(parsed[2]["includes"], json({5}));
  EXPECT_EQ(parsed[3]["includes"], json({5}));
  EXPECT_EQ(parsed[4]["includes"], json({2}));
  EXPECT_EQ(parsed[5]["includes"], json({1}));
  EXPECT_EQ(parsed[6]["includes"], json({2, 1}));
  EXPECT_EQ(parsed[7]["includes"], json({2, 1}));
  EXPECT_EQ(parsed[8]["includes"], json::array());
  EXPECT_EQ(parsed[9]["includes"], json({2}));
}

TEST(CrossplaneTest, IncludesOfAPlainFileNameNothing) {
  json parsed = Parsed(Crossplane("include conf.d/*.conf;\ninclude a.conf;\n",
                                  "/etc/nginx/nginx.conf"));
  EXPECT_EQ(parsed[0]["includes"], json::array());
  EXPECT_EQ(parsed[1]["includes"], json::array());
}

// Quotes go, \" (\' in single quotes) loses its backslash, every other
// escape stays as written, in and out of quotes.
TEST(CrossplaneTest, EscapesAsCrossplaneLexesThem) {
  json parsed =
      Parsed(Crossplane("set $a \"x\\\"y\\\\z\\tq\";\n"
                        "set $b 'it\\'s';\n"
                        "set $c a\\;b;\n"
                        "set $d \"\\n\" \"it\\'s\" 'say \\\"hi\\\"';\n"));
  EXPECT_EQ(parsed[0]["args"], json({"$a", "x\"y\\\\z\\tq"}));
  EXPECT_EQ(parsed[1]["args"], json({"$b", "it's"}));
  EXPECT_EQ(parsed[2]["args"], json({"$c", "a\\;b"}));
  EXPECT_EQ(parsed[3]["args"], json({"$d", "\\n", "it\\'s", "say \\\"hi\\\""}));
}

TEST(CrossplaneTest, IfLosesItsParentheses) {
  json parsed =
      Parsed(Crossplane("if ($a = b) {}\n"
                        "if ( $a ) {}\n"
                        "if ($a){}\n"
                        "if (-f $x ) {}\n"
                        "if \"( x )\" {}\n"
                        "if ($a = \"b)\") {}\n"));
  EXPECT_EQ(parsed[0]["args"], json({"$a", "=", "b"}));
  EXPECT_EQ(parsed[1]["args"], json({"$a"}));
  EXPECT_EQ(parsed[2]["args"], json({"$a"}));
  EXPECT_EQ(parsed[3]["args"], json({"-f", "$x"}));
  EXPECT_EQ(parsed[4]["args"], json({"x"}));  // both steps on one argument
  EXPECT_EQ(parsed[5]["args"], json({"$a", "=", "b)"}));  // ")" is a word
}

TEST(CrossplaneTest, LuaBodyIsTheLastArgument) {
  json parsed =
      Parsed(Crossplane("content_by_lua_block { ngx.say(\"}\") }\n"
                        "set_by_lua_block $res { return 1 }\n"
                        "access_by_lua_block {}\n"
                        "exit_worker_by_lua_block { -- } \n}\n"));
  EXPECT_EQ(parsed[0]["args"], json({" ngx.say(\"}\") "}));
  EXPECT_FALSE(parsed[0].contains("block"));
  EXPECT_EQ(parsed[1]["args"], json({"$res", " return 1 "}));
  EXPECT_EQ(parsed[2]["args"], json({""}));
  // Not one of crossplane's 13 Lua directives, but a Lua block for nginx.
  EXPECT_EQ(parsed[3]["args"], json({" -- } \n"}));
}

TEST(CrossplaneTest, CommentsBetweenArgumentsFollowTheirStatement) {
  const std::string text =
      "# top\n"
      "location / # before the brace\n"
      "{ }\n"
      "listen 80 # between\n"
      "  ;  # after\n";
  EXPECT_TRUE(JsonEq(json::parse(R"json([
    {"directive": "location", "line": 2, "args": ["/"], "block": []},
    {"directive": "#", "line": 2, "args": [], "comment": " before the brace"},
    {"directive": "listen", "line": 4, "args": ["80"]},
    {"directive": "#", "line": 4, "args": [], "comment": " between"}
  ])json"),
                     Parsed(Crossplane(text))));
  EXPECT_TRUE(JsonEq(json::parse(R"json([
    {"directive": "#", "line": 1, "args": [], "comment": " top"},
    {"directive": "location", "line": 2, "args": ["/"], "block": []},
    {"directive": "#", "line": 2, "args": [], "comment": " before the brace"},
    {"directive": "listen", "line": 4, "args": ["80"]},
    {"directive": "#", "line": 4, "args": [], "comment": " between"},
    {"directive": "#", "line": 5, "args": [], "comment": " after"}
  ])json"),
                     Parsed(Crossplane(text, "-", true))));
}

// crossplane's lexer pairs a backslash with the character after it, the
// newline too, and drops a comment the file ends in.
TEST(CrossplaneTest, CommentQuirksOfTheLexer) {
  json parsed = Parsed(Crossplane(
      "# one\\\n# two\\\\\n# three \\\\\\\nuser x; # last", "-", true));
  EXPECT_TRUE(JsonEq(json::parse(R"json([
    {"directive": "#", "line": 1, "args": [], "comment": " one"},
    {"directive": "#", "line": 2, "args": [], "comment": " two\\\\"},
    {"directive": "#", "line": 3, "args": [], "comment": " three \\\\"},
    {"directive": "user", "line": 4, "args": ["x"]}
  ])json"),
                     parsed));
}

// Python's universal newlines: CR LF and CR read as LF.
TEST(CrossplaneTest, CarriageReturnsReadAsNewlines) {
  json parsed = Parsed(Crossplane(
      "return 200 \"a\r\nb\";\r\n# c\r\ncontent_by_lua_block {\r\n}\r\n", "-",
      true));
  EXPECT_TRUE(JsonEq(json::parse(R"json([
    {"directive": "return", "line": 1, "args": ["200", "a\nb"]},
    {"directive": "#", "line": 3, "args": [], "comment": " c"},
    {"directive": "content_by_lua_block", "line": 4, "args": ["\n"]}
  ])json"),
                     parsed));
}

TEST(CrossplaneTest, WordListEntriesAreStatements) {
  json parsed = Parsed(Crossplane(
      "types {\n    text/html  html htm;\n    image/gif gif; # c\n}\n", "-",
      true));
  EXPECT_TRUE(JsonEq(json::parse(R"json([
    {"directive": "types", "line": 1, "args": [], "block": [
      {"directive": "text/html", "line": 2, "args": ["html", "htm"]},
      {"directive": "image/gif", "line": 3, "args": ["gif"]},
      {"directive": "#", "line": 3, "args": [], "comment": " c"}]}
  ])json"),
                     parsed));
}

TEST(CrossplaneTest, ErrorsAtTopAndInTheirConfig) {
  json payload = Crossplane("http {\n  listen 80\n}\n}\n", "a.conf");
  EXPECT_TRUE(JsonEq(json::parse(R"json({
    "status": "failed",
    "errors": [
      {"file": "a.conf", "error": "unexpected \"}\" in a.conf:3", "line": 3},
      {"file": "a.conf", "error": "unexpected \"}\" in a.conf:4", "line": 4}],
    "config": [{"file": "a.conf", "status": "failed",
      "errors": [
        {"error": "unexpected \"}\" in a.conf:3", "line": 3},
        {"error": "unexpected \"}\" in a.conf:4", "line": 4}],
      "parsed": [{"directive": "http", "line": 1, "args": [], "block": []}]}]
  })json"),
                     payload));
}

// An unclosed block stays, with what was read of it.
TEST(CrossplaneTest, UnclosedBlockIsKept) {
  json payload = Crossplane("events {\n  worker_connections 1;\n");
  EXPECT_EQ(payload["status"], "failed");
  EXPECT_EQ(payload["errors"][0]["error"],
            "unexpected end of file, expecting \"}\" in -:3");
  EXPECT_TRUE(JsonEq(json::parse(R"json([
    {"directive": "events", "line": 1, "args": [], "block": [
      {"directive": "worker_connections", "line": 2, "args": ["1"]}]}
  ])json"),
                     Parsed(payload)));
}

TEST(CrossplaneTest, WarningsAreNotErrors) {
  json payload = Crossplane("\xEF\xBB\xBFuser x;\n");
  EXPECT_EQ(payload["status"], "ok");
  EXPECT_EQ(payload["errors"], json::array());
  // nginx reads the byte order mark as part of the first word.
  EXPECT_EQ(Parsed(payload)[0]["directive"], "\xEF\xBB\xBFuser");
}

TEST(CrossplaneTest, EachDumpedFileIsAConfig) {
  json payload = Plain(CrossplaneText(Parse(DumpOf({
      {"/etc/nginx/nginx.conf", "events {}\nhttp {\n"},
      {"/etc/nginx/b.conf", "server_tokens off;\n"},
  }))));
  ASSERT_EQ(payload["config"].size(), 2u);
  EXPECT_EQ(payload["status"], "failed");
  EXPECT_EQ(payload["config"][0]["status"], "failed");
  EXPECT_EQ(payload["config"][1]["status"], "ok");
  EXPECT_EQ(payload["errors"][0]["file"], "/etc/nginx/nginx.conf");
  EXPECT_TRUE(JsonEq(json::parse(R"json([
    {"directive": "server_tokens", "line": 1, "args": ["off"]}
  ])json"),
                     Parsed(payload, 1)));
}

TEST(CrossplaneTest, InvalidUtf8BecomesReplacementCharacters) {
  auto tree = ParseAs(
      "return 200 \"a\xff\xfe"
      "b\xe2\x82\"; # \xc3\n",
      "caf\xe9.conf");
  json plain = Plain(CrossplaneText(tree, {true}));
  EXPECT_EQ(plain["config"][0]["file"], "caf\xEF\xBF\xBD.conf");
  EXPECT_EQ(Parsed(plain)[0]["args"][1],
            "a\xEF\xBF\xBD\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
  EXPECT_EQ(Parsed(plain)[1]["comment"], " \xEF\xBF\xBD");
}

// Key order, and the layout, are part of what crossplane prints.
TEST(CrossplaneTest, KeysInCrossplanesOrder) {
  EXPECT_EQ(
      CrossplaneText(ParseAs("user nginx;\n# c\n"), {true}),
      R"({"status":"ok","errors":[],"config":[{"file":"-","status":"ok",)"
      R"("errors":[],"parsed":[{"directive":"user","line":1,"args":["nginx"]},)"
      R"({"directive":"#","line":2,"args":[],"comment":" c"}]}]})");
}

// ---------------------------------------------------------------------------
// ngxfix's own format.

TEST(JsonExportTest, PositionsOfDirectives) {
  EXPECT_TRUE(JsonEq(json::parse(R"json({
    "status": "ok", "errors": [],
    "files": [{"file": "-", "status": "ok", "errors": [], "parsed": [
      {"directive": "events", "line": 1, "column": 1, "offset": 0, "end": 39,
       "args": [], "block": [
         {"directive": "worker_connections", "line": 2, "column": 5,
          "offset": 13, "end": 37, "args": ["1024"]}]}]}]
  })json"),
                     Ngxfix("events {\n    worker_connections 1024;\n}\n")));
}

TEST(JsonExportTest, ValuesAreWhatNginxSees) {
  json parsed = Ngxfix(
      "set $a \"x\\\"y\\\\z\\tq\";\n"
      "set $b 'it\\'s';\n"
      "set $c a\\;b;\n"
      "set $d \"\\n\" \"it\\'s\" \"a\r\nb\";\n")["files"][0]["parsed"];
  EXPECT_EQ(parsed[0]["args"], json({"$a", "x\"y\\z\tq"}));
  EXPECT_EQ(parsed[1]["args"], json({"$b", "it's"}));
  EXPECT_EQ(parsed[2]["args"], json({"$c", "a\\;b"}));
  EXPECT_EQ(parsed[3]["args"], json({"$d", "\n", "it's", "a\r\nb"}));
  EXPECT_EQ(parsed[3]["line"], 4);
}

TEST(JsonExportTest, Comments) {
  EXPECT_TRUE(JsonEq(
      json::parse(R"json([
    {"comment": " top", "line": 1, "column": 1, "offset": 0, "end": 5},
    {"directive": "listen", "line": 2, "column": 1, "offset": 6, "end": 29,
     "args": ["80"], "comments": [" between"]},
    {"comment": " after", "line": 3, "column": 6, "offset": 31, "end": 38}
  ])json"),
      Ngxfix(
          "# top\nlisten 80 # between\n  ;  # after\n")["files"][0]["parsed"]));
}

TEST(JsonExportTest, WordListEntries) {
  EXPECT_TRUE(
      JsonEq(json::parse(R"json([
    {"directive": "types", "line": 1, "column": 1, "offset": 0, "end": 57,
     "args": [], "block": [
       {"entry": ["text/html", "html", "htm"], "line": 2, "column": 5,
        "offset": 12, "end": 32},
       {"entry": ["image/gif", "gif"], "line": 3, "column": 5, "offset": 37,
        "end": 51},
       {"comment": " c", "line": 3, "column": 20, "offset": 52, "end": 55}]}
  ])json"),
             Ngxfix("types {\n    text/html  html htm;\n"
                    "    image/gif gif; # c\n}\n")["files"][0]["parsed"]));
}

TEST(JsonExportTest, LuaBlocks) {
  EXPECT_TRUE(JsonEq(json::parse(R"json([
    {"directive": "location", "line": 1, "column": 1, "offset": 0, "end": 93,
     "args": ["/"], "block": [
       {"directive": "content_by_lua_block", "line": 2, "column": 5,
        "offset": 17, "end": 54, "args": [], "lua": " ngx.say(\"}\") "},
       {"directive": "set_by_lua_block", "line": 3, "column": 5,
        "offset": 59, "end": 91, "args": ["$res"], "lua": "return 1"}]}
  ])json"),
                     Ngxfix("location / {\n"
                            "    content_by_lua_block { ngx.say(\"}\") }\n"
                            "    set_by_lua_block $res {return 1}\n"
                            "}\n")["files"][0]["parsed"]));
}

TEST(JsonExportTest, ErrorsWithPositions) {
  EXPECT_TRUE(JsonEq(json::parse(R"json({
    "status": "failed",
    "errors": [{"file": "a.conf", "line": 3, "column": 1, "offset": 19,
                "severity": "error", "message": "unexpected \"}\""}],
    "files": [{"file": "a.conf", "status": "failed",
      "errors": [{"file": "a.conf", "line": 3, "column": 1, "offset": 19,
                  "severity": "error", "message": "unexpected \"}\""}],
      "parsed": [
        {"directive": "http", "line": 1, "column": 1, "offset": 0, "end": 20,
         "args": [], "block": [
           {"directive": "listen", "line": 2, "column": 3, "offset": 9,
            "end": 18, "args": ["80"], "unterminated": true}]}]}]
  })json"),
                     Ngxfix("http {\n  listen 80\n}\n", "a.conf")));
}

TEST(JsonExportTest, UnclosedBlockIsUnterminated) {
  json out = Ngxfix("events {\n");
  EXPECT_EQ(out["status"], "failed");
  EXPECT_EQ(out["errors"][0]["message"],
            "unexpected end of file, expecting \"}\"");
  EXPECT_EQ(out["files"][0]["parsed"][0]["unterminated"], true);
  EXPECT_EQ(out["files"][0]["parsed"][0]["block"], json::array());
}

TEST(JsonExportTest, WarningsKeepStatusOk) {
  json out = Ngxfix("\xEF\xBB\xBFuser x;\n");
  EXPECT_EQ(out["status"], "ok");
  ASSERT_EQ(out["errors"].size(), 1u);
  EXPECT_EQ(out["errors"][0]["severity"], "warning");
  EXPECT_EQ(out["files"][0]["status"], "ok");
  EXPECT_EQ(out["files"][0]["errors"].size(), 1u);
  EXPECT_EQ(out["files"][0]["parsed"][0]["offset"], 0);
  EXPECT_EQ(out["files"][0]["parsed"][0]["column"], 1);
}

TEST(JsonExportTest, DumpFilesHaveTheirOwnLinesAndTheInputsOffsets) {
  std::string text = DumpOf({
      {"/etc/nginx/nginx.conf", "events {}\n"},
      {"/etc/nginx/b.conf", "\nserver_tokens off;\n"},
  });
  json out = Ngxfix(text);
  ASSERT_EQ(out["files"].size(), 2u);
  EXPECT_EQ(out["files"][0]["file"], "/etc/nginx/nginx.conf");
  EXPECT_EQ(out["files"][1]["file"], "/etc/nginx/b.conf");
  json events = out["files"][0]["parsed"][0];
  EXPECT_EQ(events["line"], 1);
  EXPECT_EQ(events["column"], 1);
  EXPECT_EQ(events["offset"], text.find("events"));
  EXPECT_EQ(events["end"], text.find("events") + 9);
  json tokens = out["files"][1]["parsed"][0];
  EXPECT_EQ(tokens["line"], 2);
  EXPECT_EQ(tokens["offset"], text.find("server_tokens"));
  EXPECT_EQ(tokens["end"], text.find("server_tokens") + 18);
}

// Invalid UTF-8 is replaced, one U+FFFD per maximal subpart (as Python's
// errors="replace"), so that the JSON dumps with the strict handler.
TEST(JsonExportTest, InvalidUtf8DoesNotThrow) {
  const std::string r = "\xEF\xBF\xBD";
  auto tree = ParseAs(
      "return 200 \"a\xff\xfe"
      "b\xe2\x82\" \xf0\x9f\x98 \xed\xa0\x80 "
      "\xc0\xaf \xe0\x80\xaf ok\xc3\xa9\xf0\x9f\x98\x80; # \xc3\n",
      "caf\xe9.conf");
  json plain = Plain(NgxfixText(tree));
  EXPECT_EQ(plain["files"][0]["file"], "caf" + r + ".conf");
  EXPECT_EQ(plain["files"][0]["parsed"][0]["args"],
            json({"200", "a" + r + r + "b" + r, r, r + r + r, r + r, r + r + r,
                  "ok\xc3\xa9\xf0\x9f\x98\x80"}));
  EXPECT_EQ(plain["files"][0]["parsed"][1]["comment"], " " + r);
}

TEST(JsonExportTest, EmptyInput) {
  EXPECT_TRUE(JsonEq(json::parse(R"json({
    "status": "ok", "errors": [],
    "files": [{"file": "-", "status": "ok", "errors": [], "parsed": []}]
  })json"),
                     Ngxfix("")));
}

// Every corpus file exports in both formats and dumps without throwing.
TEST(JsonExportCorpusTest, EveryCorpusFileExports) {
  std::string dir = testing::CorpusDir();
  if (dir.empty()) GTEST_SKIP() << "corpus not found (../shared/corpus)";
  size_t files = 0;
  for (const std::string& path : testing::ListFiles(dir)) {
    if (path.size() >= 3 && path.compare(path.size() - 3, 3, ".md") == 0)
      continue;
    SCOPED_TRACE(path);
    SyntaxTree tree = ParseAs(testing::ReadFile(path), path);
    EXPECT_NO_THROW(Plain(NgxfixText(tree)));
    EXPECT_NO_THROW(Plain(CrossplaneText(tree, {true})));
    ++files;
  }
  EXPECT_GT(files, 0u);
}

}  // namespace
}  // namespace ngxfix
