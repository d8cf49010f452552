// Tokenizer and parser rules, each tied to what ngx_conf_read_token() and
// ngx_conf_parse() do (src/core/ngx_conf_file.c, nginx 1.22).  The same
// rules are checked against the real nginx binary in tests/nginx/.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/parser.h"
#include "core/printer.h"

namespace ngxfix {
namespace {

// The values of a node's words, as nginx hands them to the directive.
std::vector<std::string> Words(const SyntaxTree& tree, const Node& node) {
  std::vector<std::string> words;
  for (uint32_t t : tree.words(node)) words.push_back(tree.value(tree.tokens()[t]));
  return words;
}

std::vector<const Node*> TopLevel(const SyntaxTree& tree, uint16_t file = 0) {
  std::vector<const Node*> nodes;
  for (uint32_t n = tree.files()[file].first_node; n != kNone;
       n = tree.nodes()[n].next_sibling) {
    nodes.push_back(&tree.nodes()[n]);
  }
  return nodes;
}

std::vector<const Node*> Children(const SyntaxTree& tree, const Node& node) {
  std::vector<const Node*> nodes;
  for (uint32_t n = node.first_child; n != kNone;
       n = tree.nodes()[n].next_sibling) {
    nodes.push_back(&tree.nodes()[n]);
  }
  return nodes;
}

// The first error, as "LINE:COLUMN: MESSAGE", or "" when the input is valid.
std::string FirstError(const std::string& text) {
  SyntaxTree tree = Parse(text);
  for (const Diagnostic& d : tree.diagnostics()) {
    if (d.severity == Severity::kError) {
      return std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
             d.message;
    }
  }
  return "";
}

std::vector<std::string> OnlyDirective(const std::string& text) {
  SyntaxTree tree = Parse(text);
  EXPECT_TRUE(tree.ok()) << text;
  auto top = TopLevel(tree);
  EXPECT_EQ(top.size(), 1u) << text;
  return top.empty() ? std::vector<std::string>{} : Words(tree, *top[0]);
}

using Strings = std::vector<std::string>;

TEST(Tokenizer, WordsEndAtWhitespaceSemicolonOrBrace) {
  EXPECT_EQ(OnlyDirective("a b\tc\r\nd;"), (Strings{"a", "b", "c", "d"}));
  EXPECT_EQ(OnlyDirective("a b;"), (Strings{"a", "b"}));
}

TEST(Tokenizer, CloseBraceInsideAWordIsLiteral) {
  EXPECT_EQ(OnlyDirective("return 200 foo}bar;"),
            (Strings{"return", "200", "foo}bar"}));
}

TEST(Tokenizer, HashInsideAWordIsLiteral) {
  EXPECT_EQ(OnlyDirective("add_header X foo#bar;"),
            (Strings{"add_header", "X", "foo#bar"}));
}

TEST(Tokenizer, HashAtTokenStartIsAComment) {
  SyntaxTree tree = Parse("a b # c d;\n e;");
  ASSERT_TRUE(tree.ok());
  auto top = TopLevel(tree);
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(Words(tree, *top[0]), (Strings{"a", "b", "e"}));
}

TEST(Tokenizer, StandaloneCommentsAreNodes) {
  SyntaxTree tree = Parse("# one\nuser nginx; # two\r\n");
  ASSERT_TRUE(tree.ok());
  auto top = TopLevel(tree);
  ASSERT_EQ(top.size(), 3u);
  EXPECT_EQ(top[0]->kind, NodeKind::kComment);
  EXPECT_EQ(tree.text(tree.tokens()[top[0]->first_token]), "# one");
  EXPECT_EQ(top[1]->kind, NodeKind::kDirective);
  EXPECT_EQ(top[2]->kind, NodeKind::kComment);
  // The CR of a CRLF line ending is not part of the comment.
  EXPECT_EQ(tree.text(tree.tokens()[top[2]->first_token]), "# two");
}

TEST(Tokenizer, QuotesOpenOnlyAtTokenStart) {
  EXPECT_EQ(OnlyDirective("a b\"c d\";"), (Strings{"a", "b\"c", "d\""}));
  EXPECT_EQ(OnlyDirective("a b'c;"), (Strings{"a", "b'c"}));
}

TEST(Tokenizer, InsideQuotesSpecialCharactersAreLiteral) {
  EXPECT_EQ(OnlyDirective("a \"; { } # \n x\" 'y;z';"),
            (Strings{"a", "; { } # \n x", "y;z"}));
}

TEST(Tokenizer, AfterAClosingQuoteComesSpaceSemicolonBraceOrParen) {
  EXPECT_EQ(FirstError("a \"b\"c;"), "1:6: unexpected \"c\"");
  EXPECT_EQ(FirstError("a 'b'\"c\";"), "1:6: unexpected \"\"\"");
  EXPECT_EQ(FirstError("a \"b\";"), "");
  EXPECT_EQ(FirstError("a \"b\"{ }"), "");
  // ')' after a quote starts a new word, as in if ($a = "b").
  EXPECT_EQ(OnlyDirective("if ($a = \"b\") { }"),
            (Strings{"if", "($a", "=", "b", ")"}));
}

TEST(Tokenizer, BackslashMakesTheNextCharacterLiteral) {
  // The escaped ';' and ' ' do not end the word, and keep their backslash.
  EXPECT_EQ(OnlyDirective("a b\\;c\\ d;"), (Strings{"a", "b\\;c\\ d"}));
  EXPECT_EQ(OnlyDirective("a \"b\\\"c\";"), (Strings{"a", "b\"c"}));
  EXPECT_EQ(OnlyDirective("a \\{;"), (Strings{"a", "\\{"}));
  // nginx resolves \t \r \n \\ \" \' and keeps every other backslash.
  EXPECT_EQ(OnlyDirective("a '\\t\\r\\n\\\\\\'\\$';"),
            (Strings{"a", "\t\r\n\\'\\$"}));
}

TEST(Tokenizer, QuoteLeftOpenAtEndOfInputKeepsItsText) {
  SyntaxTree tree = Parse("set $a \"abc");
  const Node& set = *TopLevel(tree)[0];
  EXPECT_EQ(Words(tree, set), (Strings{"set", "$a", "abc"}));
  tree = Parse("set $a \"abc\\\"");
  EXPECT_EQ(Words(tree, *TopLevel(tree)[0]), (Strings{"set", "$a", "abc\""}));
}

TEST(Tokenizer, DollarBraceDoesNotEndAWord) {
  EXPECT_EQ(OnlyDirective("set $a ${b}c;"), (Strings{"set", "$a", "${b}c"}));
  EXPECT_EQ(OnlyDirective("set $a x${b};"), (Strings{"set", "$a", "x${b}"}));
  // Without the '$' the brace opens a block.
  SyntaxTree tree = Parse("location /x{ }");
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ(Words(tree, *TopLevel(tree)[0]), (Strings{"location", "/x"}));
}

TEST(Tokenizer, SemicolonOrBraceWithoutWords) {
  EXPECT_EQ(FirstError("a;\n;"), "2:1: unexpected \";\"");
  EXPECT_EQ(FirstError("{ }"), "1:1: unexpected \"{\"");
}

TEST(Tokenizer, CloseBraceAfterWordsWithoutSemicolon) {
  EXPECT_EQ(FirstError("http {\n  a b }"), "2:7: unexpected \"}\"");
}

TEST(Parser, UnexpectedCloseBraceAtTopLevel) {
  EXPECT_EQ(FirstError("a;\n}\n"), "2:1: unexpected \"}\"");
}

TEST(Parser, UnexpectedEndOfFile) {
  EXPECT_EQ(FirstError("http {\n a;\n"),
            "3:1: unexpected end of file, expecting \"}\"");
  EXPECT_EQ(FirstError("a b"),
            "1:4: unexpected end of file, expecting \";\" or \"}\"");
  EXPECT_EQ(FirstError("a \"b\n\n"),
            "3:1: unexpected end of file, expecting \";\" or \"}\"");
  // A comment at the end of the file needs no newline.
  EXPECT_EQ(FirstError("a; # done"), "");
}

TEST(Parser, LinesAreCountedByLineFeeds) {
  EXPECT_EQ(FirstError("a;\r\nb;\rc;\r\n}"), "3:1: unexpected \"}\"");
}

// NGX_CONF_BUFFER is 4096 bytes: a token that does not fit into nginx's
// buffer, counted from where nginx last refilled it, is too long.
TEST(Tokenizer, TooLongParameter) {
  std::string word4095(4095, 'x');
  std::string word4096(4096, 'x');
  EXPECT_EQ(FirstError("a " + word4095 + ";"), "");
  EXPECT_EQ(FirstError(word4096 + ";"),
            "1:1: too long parameter \"xxxxxxxxxx...\" started");
  EXPECT_EQ(FirstError("a \"" + std::string(5000, 'y') + "\";"),
            "1:4: too long parameter, probably missing terminating \"\"\" "
            "character");
  EXPECT_EQ(FirstError("a '" + std::string(5000, 'y') + "';"),
            "1:4: too long parameter, probably missing terminating \"'\" "
            "character");
  // Comments are read through the same buffer.
  EXPECT_EQ(FirstError("#" + std::string(5000, 'c') + "\na;"),
            "1:1: too long parameter \"#ccccccccc...\" started");
}

TEST(Parser, BlocksNestAndKnowTheirChildren) {
  SyntaxTree tree = Parse(
      "http {\n  server {\n    listen 80;\n    location / { return 200; }\n"
      "  }\n}\n");
  ASSERT_TRUE(tree.ok());
  auto top = TopLevel(tree);
  ASSERT_EQ(top.size(), 1u);
  auto servers = Children(tree, *top[0]);
  ASSERT_EQ(servers.size(), 1u);
  auto inner = Children(tree, *servers[0]);
  ASSERT_EQ(inner.size(), 2u);
  EXPECT_EQ(Words(tree, *inner[0]), (Strings{"listen", "80"}));
  EXPECT_EQ(Words(tree, *inner[1]), (Strings{"location", "/"}));
  EXPECT_EQ(Words(tree, *Children(tree, *inner[1])[0]),
            (Strings{"return", "200"}));
  EXPECT_EQ(tree.nodes()[inner[1]->parent].first_token,
            servers[0]->first_token);
}

TEST(Parser, PositionsAreLineAndColumn) {
  SyntaxTree tree = Parse("http {\n\tserver_name  a.example;\n}\n");
  const Node& http = *TopLevel(tree)[0];
  const Node& server_name = *Children(tree, http)[0];
  Position p = tree.position(tree.begin_offset(server_name));
  EXPECT_EQ(p.line, 2u);
  EXPECT_EQ(p.column, 2u);
  EXPECT_EQ(tree.text().substr(tree.begin_offset(server_name),
                               tree.end_offset(server_name) -
                                   tree.begin_offset(server_name)),
            "server_name  a.example;");
  EXPECT_EQ(tree.end_offset(http), tree.text().size() - 1);
}

TEST(Parser, WordListBlocksHoldEntries) {
  SyntaxTree tree = Parse(
      "types { text/html html htm; }\n"
      "map $a $b { default 0; ~^/x 1; include f; }\n");
  ASSERT_TRUE(tree.ok());
  auto top = TopLevel(tree);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_TRUE(top[0]->flags & kNodeWordList);
  auto types = Children(tree, *top[0]);
  ASSERT_EQ(types.size(), 1u);
  EXPECT_EQ(types[0]->kind, NodeKind::kEntry);
  EXPECT_EQ(Words(tree, *types[0]), (Strings{"text/html", "html", "htm"}));
  auto map = Children(tree, *top[1]);
  ASSERT_EQ(map.size(), 3u);
  EXPECT_EQ(map[2]->kind, NodeKind::kEntry);
}

TEST(Parser, BraceInsideAWordListIsUnexpected) {
  EXPECT_EQ(FirstError("map $a $b {\n  ~^/x{2} 1;\n}\n"),
            "2:7: unexpected \"{\"");
}

TEST(Parser, LuaBlockBodiesAreRawLua) {
  std::string text =
      "content_by_lua_block {\n"
      "  local s = \"}\" -- } in a comment\n"
      "  local t = { [=[ } ]=] }\n"
      "  --[[ } ]] ngx.say(s)\n"
      "}\n"
      "set_by_lua_block $v { return '{' }\n";
  SyntaxTree tree = Parse(text);
  ASSERT_TRUE(tree.ok()) << tree.diagnostics()[0].message;
  auto top = TopLevel(tree);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_TRUE(top[0]->flags & kNodeLuaBlock);
  EXPECT_EQ(top[0]->first_child, kNone);
  const Token& body = tree.tokens()[top[0]->brace + 1];
  EXPECT_EQ(body.kind, TokenKind::kLuaBody);
  EXPECT_EQ(tree.text(body).find("ngx.say(s)") != std::string::npos, true);
  EXPECT_EQ(Words(tree, *top[1]), (Strings{"set_by_lua_block", "$v"}));
  EXPECT_EQ(tree.tokens()[top[1]->brace + 1].line, 6u);
}

TEST(Parser, UnterminatedLuaBlock) {
  EXPECT_EQ(FirstError("content_by_lua_block {\n  if x then {\n"),
            "2:13: unexpected end of file, expecting terminating characters "
            "for lua code block");
  EXPECT_EQ(FirstError("content_by_lua_block {\n --[==[ x ]]\n}\n"),
            "2:4: Lua code block missing the closing long bracket \"]==]\", "
            "the inlined Lua code may be too long");
}

TEST(Parser, RecoversAndKeepsTheRestOfTheTree) {
  SyntaxTree tree = Parse(
      "http {\n  server {\n    listen 80\n  }\n  server { listen 81; }\n}\n");
  EXPECT_FALSE(tree.ok());
  auto http = Children(tree, *TopLevel(tree)[0]);
  ASSERT_EQ(http.size(), 2u);
  EXPECT_EQ(Words(tree, *Children(tree, *http[0])[0]),
            (Strings{"listen", "80"}));
  EXPECT_TRUE(Children(tree, *http[0])[0]->flags & kNodeUnterminated);
  EXPECT_EQ(Words(tree, *Children(tree, *http[1])[0]),
            (Strings{"listen", "81"}));
}

TEST(Parser, SnippetsParseWithoutTheirSurroundings) {
  SyntaxTree tree = Parse(
      "location /api/ {\n    grpc_pass h2://backend_pool;\n}\n"
      "upstream backend_pool { server 10.0.2.10:8080; keepalive 32; }\n"
      "proxy_http_version 1.1;\n");
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ(TopLevel(tree).size(), 3u);
}

TEST(Parser, NginxDumpIsSplitIntoFiles) {
  std::string dump =
      "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n"
      "nginx: configuration file /etc/nginx/nginx.conf test is successful\n"
      "# configuration file /etc/nginx/nginx.conf:\n"
      "http {\n    include /etc/nginx/conf.d/a.conf;\n}\n"
      "\n"
      "# configuration file /etc/nginx/conf.d/a.conf:\n"
      "server {\n listen 80\n}\n"
      "\n";
  SyntaxTree tree = Parse(dump);
  ASSERT_EQ(tree.files().size(), 2u);
  EXPECT_EQ(tree.files()[0].name, "/etc/nginx/nginx.conf");
  EXPECT_EQ(tree.files()[1].name, "/etc/nginx/conf.d/a.conf");
  EXPECT_EQ(TopLevel(tree, 0).size(), 1u);
  EXPECT_EQ(TopLevel(tree, 1).size(), 1u);
  // Errors are reported in the dumped file, on that file's line.
  ASSERT_FALSE(tree.ok());
  EXPECT_EQ(tree.diagnostics()[0].file, 1u);
  EXPECT_EQ(tree.diagnostics()[0].line, 3u);
  EXPECT_EQ(tree.diagnostics()[0].message, "unexpected \"}\"");
  EXPECT_EQ(Print(tree), dump);
}

// nginx does not skip a UTF-8 byte order mark: it starts the first word.
// Found by the fuzzer: the header is found where it starts, not by
// searching back for its text.
TEST(Parser, DumpHeaderLineHoldingTheHeaderTextTwice) {
  std::string text =
      "# configuration file a# configuration file b:\nuser x;\n";
  SyntaxTree tree = Parse(text);
  ASSERT_EQ(tree.files().size(), 1u);
  EXPECT_EQ(tree.files()[0].name, "a# configuration file b");
  EXPECT_EQ(tree.tokens()[0].offset, 0u);
  EXPECT_EQ(Print(tree), text);
}

TEST(Parser, ByteOrderMarkBeforeADumpHeader) {
  std::string text = "\xEF\xBB\xBF# configuration file /a.conf:\nuser x;\n";
  SyntaxTree tree = Parse(text);
  ASSERT_EQ(tree.files().size(), 1u);
  EXPECT_EQ(tree.files()[0].name, "/a.conf");
  EXPECT_EQ(tree.tokens()[0].offset, 0u);
  EXPECT_EQ(Print(tree), text);
}

TEST(Parser, ByteOrderMarkIsPartOfTheFirstWordWithAWarning) {
  std::string text = "\xEF\xBB\xBFuser nginx;\n";
  SyntaxTree tree = Parse(text);
  EXPECT_TRUE(tree.ok());
  ASSERT_EQ(tree.diagnostics().size(), 1u);
  EXPECT_EQ(tree.diagnostics()[0].severity, Severity::kWarning);
  EXPECT_EQ(tree.name(*TopLevel(tree)[0]), "\xEF\xBB\xBFuser");
  EXPECT_EQ(Print(tree), text);
  // A '}' right after it is inside that word, as nginx reads it.
  EXPECT_EQ(FirstError("\xEF\xBB\xBF}\n"),
            "2:1: unexpected end of file, expecting \";\" or \"}\"");
}

TEST(Parser, NestingDeeperThan256BlocksIsAnError) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "a {";
  for (int i = 0; i < 300; ++i) text += "}";
  SyntaxTree tree = Parse(text);
  ASSERT_FALSE(tree.ok());
  EXPECT_NE(tree.diagnostics()[0].message.find("too deep nesting"),
            std::string::npos);
  EXPECT_EQ(tree.diagnostics()[0].column, 257u * 3);
  EXPECT_EQ(Print(tree), text);
}

TEST(Parser, DiagnosticsAreCappedForHostileInput) {
  std::string text(200000, ';');
  SyntaxTree tree = Parse(text);
  ASSERT_EQ(tree.diagnostics().size(), kMaxDiagnostics + 1);
  EXPECT_EQ(tree.diagnostics().back().message,
            "too many errors; the rest are not reported");
  EXPECT_EQ(tree.diagnostics()[0].message, "unexpected \";\"");
  EXPECT_EQ(Print(tree), text);
}

// Found by the fuzzer: in a word list the '{' that is too deep is also
// "unexpected", and the stop must still be reported.
TEST(Parser, TooDeepNestingIsReportedInsideWordLists) {
  std::string text = "types {";
  for (int i = 0; i < 300; ++i) text += " a {";
  text += " tail";
  SyntaxTree tree = Parse(text);
  bool reported = false;
  for (const Diagnostic& d : tree.diagnostics()) {
    reported |= d.message.rfind("too deep nesting", 0) == 0;
  }
  EXPECT_TRUE(reported);
  EXPECT_NE(tree.files()[0].unparsed_from, kNone);
  EXPECT_EQ(Print(tree), text);
}

TEST(Parser, InputOver16MiBIsAnError) {
  std::string text(kMaxInputBytes + 1, ' ');
  SyntaxTree tree = Parse(text);
  ASSERT_FALSE(tree.ok());
  EXPECT_EQ(tree.diagnostics()[0].message, "input is larger than 16 MiB");
  EXPECT_EQ(Print(tree), text);
}

TEST(Printer, RoundTripsEveryByte) {
  for (std::string text : {
           std::string(""), std::string("\n\n"), std::string("a;"),
           std::string("a {\r\n\tb \"c\\\"\" 'd' # e\r\n}\r\n"),
           std::string("x \xff\xfe\x00y;", 7), std::string("}}}{{{;;;\"'"),
           std::string("content_by_lua_block { x = '}' } tail;"),
       }) {
    EXPECT_EQ(Print(Parse(text)), text);
  }
}

}  // namespace
}  // namespace ngxfix
