// Every block directive of lua-nginx-module and stream-lua-nginx-module
// (core/data/block_bodies.tsv), and a name from a newer version, holds Lua
// read with Lua's lexical rules: braces in strings, long brackets and
// comments do not end the block, the text prints back byte for byte, and
// nothing in the Lua is taken for nginx syntax.

#include <gtest/gtest.h>

#include "core/check.h"
#include "core/printer.h"
#include "core/tsv.h"
#include "tests/support/test_support.h"

namespace ngxfix {
namespace {

// Lua that nginx's own tokenizer would misread: '}' and ';' in strings, a
// long bracket holding "}", comments with braces, a nested table.
constexpr std::string_view kTrickyLua =
    "\n        local s = \"}\" .. '{' .. \"; }\"\n"
    "        local t = { a = { b = 1 } }  -- } comment {\n"
    "        local long = [==[ } ]] still inside ]==]\n"
    "        --[[ a long comment with } and ; ]]\n"
    "        ngx.say(s, long, t.a.b)\n    ";

std::vector<std::string> LuaBlockNames() {
  std::string table = testing::ReadFile(std::string(NGXFIX_SOURCE_DIR) +
                                        "/core/data/block_bodies.tsv");
  std::vector<std::string> names;
  for (const TsvRow& row : ReadTsv(table)) {
    if (row.at(1) == "lua") names.emplace_back(row.at(0));
  }
  // Not in the table: read as Lua by its name alone.
  names.push_back("future_phase_by_lua_block");
  return names;
}

TEST(LuaBlocks, EveryLuaBlockDirectiveHoldsLua) {
  std::vector<std::string> names = LuaBlockNames();
  ASSERT_GT(names.size(), 20u);
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    std::string text = name + " {" + std::string(kTrickyLua) + "}\nlisten 80;\n";
    SyntaxTree tree = Parse(text);
    EXPECT_TRUE(tree.ok()) << tree.diagnostics()[0].message;
    EXPECT_EQ(Print(tree), text);
    ASSERT_FALSE(tree.nodes().empty());
    EXPECT_TRUE(tree.nodes()[0].flags & kNodeLuaBlock);
    // The directive after the block is a directive of its own.
    EXPECT_EQ(tree.name(tree.nodes().back()), "listen");
    for (const Diagnostic& d : Check(tree, CheckOptions{}).syntax) {
      ADD_FAILURE() << d.message;
    }
  }
}

TEST(LuaBlocks, OpenRestyShapesCheckClean) {
  // precontent_by_lua_block and proxy_ssl_certificate_by_lua_block, once
  // read as nginx syntax ("unexpected }"), in the contexts their command
  // tables give.
  std::string text =
      "http {\n    server {\n        location / {\n"
      "            precontent_by_lua_block {\n"
      "                if ngx.var.arg_x == \"}\" then return ngx.exit(403) end\n"
      "            }\n"
      "            proxy_ssl_certificate_by_lua_block {\n"
      "                local ssl = require \"ngx.ssl\" -- }\n"
      "            }\n"
      "            proxy_pass https://backend.example.com;\n"
      "        }\n    }\n}\n";
  SyntaxTree tree = Parse(text);
  ASSERT_TRUE(tree.ok()) << tree.diagnostics()[0].message;
  EXPECT_EQ(Print(tree), text);
  CheckOptions options;
  options.analysis.nginx_version = NginxVersion{1, 27, 1};
  for (const Finding& f : Check(tree, options).findings) {
    EXPECT_NE(f.rule, "unknown-directive") << f.message;
    EXPECT_NE(f.rule, "directive-not-allowed-here") << f.message;
    EXPECT_NE(f.rule, "invalid-arguments") << f.message;
  }
}

}  // namespace
}  // namespace ngxfix
