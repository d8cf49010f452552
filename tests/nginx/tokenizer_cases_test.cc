// Hand-picked inputs, one or more per rule of ngx_conf_read_token() and
// ngx_conf_parse(), judged by real nginx and by the parser.
//
// Each text is written to a fragment that a harness includes (by default in
// http { server { location / { include FRAGMENT; } } }), so that nginx's
// verdict is about syntax: the directives used (return, add_header, set, if,
// types, map, log_format) exist there.  Every case states what nginx 1.22.1
// says - checked against the real binary, which keeps the test honest - and
// the parser must say the same: no error where nginx accepts, the same words
// on the same line where nginx rejects.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/nginx/nginx_harness.h"
#include "tests/support/test_support.h"

namespace ngxfix::nginx_test {
namespace {

namespace fs = std::filesystem;
using ngxfix::testing::TempDir;
using ngxfix::testing::WriteFile;

struct Expect {
  enum Kind { kAccepts, kSyntaxError, kOtherError } kind = kAccepts;
  uint32_t line = 0;
  std::string message;  // for kSyntaxError
};

Expect Accepts() { return Expect{}; }
// nginx reports `message`, a syntax error, on `line`.
Expect Rejects(uint32_t line, std::string message) {
  return Expect{Expect::kSyntaxError, line, std::move(message)};
}
// nginx reports an error about a directive's meaning on `line`: it read the
// text up to there without a syntax error, so the parser must not report one
// before `line` (these cases check how the text was split into words).
Expect RejectsLater(uint32_t line) {
  return Expect{Expect::kOtherError, line, ""};
}

const std::string kTooLongA = R"(too long parameter "aaaaaaaaaa..." started)";
const std::string kTooLongQ = R"(too long parameter "qqqqqqqqqq..." started)";
const std::string kTooLongC = R"(too long parameter "#ccccccccc..." started)";
const std::string kMissingDq =
    R"(too long parameter, probably missing terminating """ character)";
const std::string kMissingSq =
    R"(too long parameter, probably missing terminating "'" character)";
const std::string kEofSemicolon =
    R"(unexpected end of file, expecting ";" or "}")";
const std::string kEofBrace = R"(unexpected end of file, expecting "}")";

std::string Rep(size_t n, char c) { return std::string(n, c); }

class NginxTokenizer : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string missing = NginxMissingMessage();
    if (!missing.empty()) FAIL() << missing;
  }

  // Runs nginx on `text` placed at `level`, checks nginx's verdict against
  // `expect`, and the parser's against nginx's.
  void Check(const std::string& text, const Expect& expect,
             Level level = Level::kLocation) {
    SCOPED_TRACE("input (" + std::string(LevelName(level)) +
                 "): " + Escape(text, 160));
    TempDir dir;
    const std::string root = fs::canonical(dir.path()).string();
    fs::create_directories(root + "/logs");
    // For load_module (paths relative to the prefix): Debian's modules.
    std::error_code ec;
    fs::create_directory_symlink("/usr/lib/nginx/modules", root + "/modules",
                                 ec);
    const std::string fragment = root + "/fragment.conf";
    WriteFile(fragment, text);
    std::string conf = fragment;
    if (level != Level::kMain) {
      conf = root + "/nginx.conf";
      WriteFile(conf, HarnessText(level, root, fragment));
    }
    NginxResult nginx = RunNginxTest(root, conf);
    ASSERT_FALSE(nginx.timed_out) << "nginx -t timed out";

    // What nginx says (this pins down the rules the parser ports).
    switch (expect.kind) {
      case Expect::kAccepts:
        EXPECT_TRUE(nginx.accepted)
            << "nginx rejects it" << PrivilegeHint() << ":\n"
            << nginx.output;
        break;
      case Expect::kSyntaxError:
        EXPECT_FALSE(nginx.accepted) << "nginx accepts it";
        EXPECT_EQ(Escape(nginx.message), Escape(expect.message))
            << nginx.output;
        EXPECT_EQ(nginx.line, expect.line) << nginx.output;
        EXPECT_EQ(nginx.file, fragment) << nginx.output;
        break;
      case Expect::kOtherError:
        EXPECT_FALSE(nginx.accepted) << "nginx accepts it";
        EXPECT_FALSE(IsSyntaxMessage(nginx.message)) << nginx.output;
        EXPECT_EQ(nginx.line, expect.line) << nginx.output;
        EXPECT_EQ(nginx.file, fragment) << nginx.output;
        break;
    }

    // What the parser says must match.
    ParserResult parser = ParseWithParser(text, "fragment.conf");
    std::string parser_errors;
    for (const std::string& e : parser.all_errors) parser_errors += "\n  " + e;
    if (nginx.accepted) {
      EXPECT_TRUE(parser.ok)
          << "nginx accepts, the parser reports:" << parser_errors;
      return;
    }
    ASSERT_EQ(nginx.file, fragment)
        << "the case is wrong: nginx fails outside the fragment:\n"
        << nginx.output;
    if (!IsSyntaxMessage(nginx.message)) {
      ASSERT_EQ(expect.kind, Expect::kOtherError)
          << "the case is wrong: nginx's error is not about syntax:\n"
          << nginx.output;
      EXPECT_TRUE(parser.ok || parser.min_line >= nginx.line)
          << "nginx reads up to line " << nginx.line
          << " without a syntax error (then: " << Escape(nginx.message)
          << "); the parser reports:" << parser_errors;
      return;
    }
    ASSERT_FALSE(parser.ok)
        << "nginx reports line " << nginx.line << ": " << Escape(nginx.message)
        << "; the parser reports no error";
    EXPECT_EQ(parser.line, nginx.line)
        << "nginx: " << Escape(nginx.message) << "; parser:" << parser_errors;
    EXPECT_GE(parser.min_line, nginx.line)
        << "the parser reports an error before nginx's:" << parser_errors;
    EXPECT_EQ(Escape(parser.message), Escape(nginx.message))
        << "parser:" << parser_errors;
  }
};

TEST_F(NginxTokenizer, WordsKeepBracesHashesAndQuotesInside) {
  Check("return 200 foo}bar;\n", Accepts());
  Check("return 200 foo#bar;\n", Accepts());
  Check("add_header X-A a\"b;\n", Accepts());
  Check("add_header X-A a'b';\n", Accepts());
  Check("add_header X-A a)b(;\n", Accepts());
  Check("\"add_header\" 'X-A' \"b\";\n", Accepts());
  Check("add_header X-A \"\";\n", Accepts());
  Check("add_header X-A \"{}#;\";\n", Accepts());
  Check("return 204;return 204;\n", Accepts());
  Check("add_header X-A \"a'b\" always;\n", Accepts());
  Check("add_header X-A 'a\"b';\n", Accepts());
  Check(std::string("add_header X-A a\0b;\n", 20), Accepts());
  // '}' inside a word is no block end: the directive is still open.
  Check("return 204}\n", Rejects(2, kEofSemicolon));
  Check("add_header X-A b;\tadd_header X-B c  ;  \n", Accepts());
}

TEST_F(NginxTokenizer, BlockBracesAndSemicolonsOutOfPlace) {
  Check(";\n", Rejects(1, R"(unexpected ";")"));
  Check("return 204;\n\n;\n", Rejects(3, R"(unexpected ";")"));
  Check("return 204;;\n", Rejects(1, R"(unexpected ";")"));
  Check("{\n", Rejects(1, R"(unexpected "{")"));
  Check("return 204;\n{ }\n", Rejects(2, R"(unexpected "{")"));
  // A fragment is parsed as a file: '}' cannot close the harness's block.
  Check("}\n", Rejects(1, R"(unexpected "}")"));
  Check("return 204;\n}\n", Rejects(2, R"(unexpected "}")"));
  Check("}\n", Rejects(1, R"(unexpected "}")"), Level::kMainInclude);
  Check("events {\n}\n}\n", Rejects(3, R"(unexpected "}")"), Level::kMain);
  Check("add_header foo bar }\n", Rejects(1, R"(unexpected "}")"));
  Check("add_header X-A }b;\n", Rejects(1, R"(unexpected "}")"));
  Check("if ($uri) {\n  return 204;\n}\n}\n", Rejects(4, R"(unexpected "}")"));
  Check("if ($uri) {}\n", Accepts());
  Check("if ($uri) { return 204; };\n", Rejects(1, R"(unexpected ";")"));
  Check("if ($uri) {\n  return 204;\n", Rejects(3, kEofBrace));
  Check("if ($uri) {\n  return 204;", Rejects(2, kEofBrace));
  Check("location /a { if ($uri) { return 204; }\n", Rejects(2, kEofBrace));
}

TEST_F(NginxTokenizer, AfterAClosingQuote) {
  Check("return 200 \"a\"b;\n", Rejects(1, R"(unexpected "b")"));
  Check("return 200 'a'b;\n", Rejects(1, R"(unexpected "b")"));
  Check("add_header X-A \"a\"'b';\n", Rejects(1, R"(unexpected "'")"));
  Check("add_header X-A \"a\"\"b\";\n", Rejects(1, R"(unexpected """)"));
  Check("add_header X-A \"a\"#c\n;\n", Rejects(1, R"(unexpected "#")"));
  Check("add_header X-A \"a\"(;\n", Rejects(1, R"(unexpected "(")"));
  Check("add_header X-A \"a\"\\;\n", Rejects(1, R"(unexpected "\")"));
  Check("add_header X-A \"a\"$b;\n", Rejects(1, R"(unexpected "$")"));
  Check("add_header X-A \"a\"}\n", Rejects(1, R"(unexpected "}")"));
  Check("add_header X-A \"a\"\f;\n", Rejects(1, "unexpected \"\f\""));
  Check("add_header X-A \"a\"\v;\n", Rejects(1, "unexpected \"\v\""));
  Check("add_header X-A \"a\"\xc3\xa9;\n", Rejects(1, "unexpected \"\xc3\""));
  Check(std::string("add_header X-A \"a\"\0;\n", 21),
        Rejects(1, std::string("unexpected \"\0\"", 14)));
  // ';', '{', blanks and ')' may follow.
  Check("add_header X-A \"a\";\n", Accepts());
  Check("add_header X-A \"a\"\t;\n", Accepts());
  Check("add_header X-A \"a\"\r\n;\n", Accepts());
  Check("location \"/x\"{ return 204; }\n", Accepts());
  Check("if ($uri = \"b\") { return 204; }\n", Accepts());
  Check("if ($uri = 'b') { return 204; }\n", Accepts());
  Check("if ($uri = \"b\")\n{ return 204; }\n", Accepts());
  Check("if ($uri = \"a\"){ return 204; }\n", Accepts());
  Check("return 200 \"a\"\n\n\n;\n", Accepts());
  // After ')' a new word starts: nginx rejects ")b" as add_header's third
  // argument only when the directive ends, on line 3.
  Check("add_header X-A \"a\")b\n\n;\n", RejectsLater(3));
}

TEST_F(NginxTokenizer, VariablesWithBraces) {
  Check("add_header X-A ${uri}x;\n", Accepts());
  Check("add_header X-A a${uri}b${args};\n", Accepts());
  Check("set $a ${uri};\n", Accepts());
  Check("add_header X-A \"${uri}\";\n", Accepts());
  Check("set $a ${uri}; }\n", Rejects(1, R"(unexpected "}")"));
  // "${" never opens a block, even unfinished.
  Check("add_header X-A a${ }\n", Rejects(1, R"(unexpected "}")"));
  Check("add_header X-A ${\n}\n", Rejects(2, R"(unexpected "}")"));
  Check("add_header X-A a${\n;\n", RejectsLater(2));
}

TEST_F(NginxTokenizer, BackslashEscapes) {
  Check("add_header X-A a\\ b;\n", Accepts());
  Check("add_header X-A a\\;b;\n", Accepts());
  Check("add_header X-A \\{;\n", Accepts());
  Check("add_header X-A a\\{b;\n", Accepts());
  Check("add_header X-A \"a\\\"b\";\n", Accepts());
  Check("add_header X-A 'a\\'b';\n", Accepts());
  Check("add_header X-A \"a\\\\\";\n", Accepts());
  Check("add_header X-A \"a\\nb\\tc\\rd\";\n", Accepts());
  Check("add_header X-A \\\"a;\n", Accepts());
  // An escaped line feed still counts as a line.
  Check("add_header X-A a\\\nb;\n;\n", Rejects(3, R"(unexpected ";")"));
  Check("add_header X-A \"a\\\"\"b;\n", Rejects(1, R"(unexpected "b")"));
  Check("add_header X-A a\\", Rejects(1, kEofSemicolon));
}

TEST_F(NginxTokenizer, QuotesSpanningLines) {
  Check("add_header X-A \"a\nb\nc\";\n", Accepts());
  Check("add_header X-A 'a\n\nb';\n", Accepts());
  Check("add_header X-A \"a\nb\nc\";\n;\n", Rejects(4, R"(unexpected ";")"));
  Check("add_header X-A \"a\nb\"c;\n", Rejects(2, R"(unexpected "c")"));
  Check("add_header X-A \"a;\n}\n{\";\n", Accepts());
}

TEST_F(NginxTokenizer, EndOfFile) {
  Check("", Accepts());
  Check("\n\n", Accepts());
  Check("# only a comment", Accepts());
  Check("return 204; # no line feed at the end", Accepts());
  Check("return 204;", Accepts());
  Check("add_header X-A \"abc", Rejects(1, kEofSemicolon));
  Check("add_header X-A \"abc\n\n", Rejects(3, kEofSemicolon));
  Check("add_header X-A 'abc", Rejects(1, kEofSemicolon));
  Check("add_header X-A \"abc\"", Rejects(1, kEofSemicolon));
  Check("add_header X-A abc", Rejects(1, kEofSemicolon));
  Check("add_header X-A abc\n", Rejects(2, kEofSemicolon));
  Check("add_header X-A abc # comment\n", Rejects(2, kEofSemicolon));
  Check("return 204;\nadd_header", Rejects(2, kEofSemicolon));
}

TEST_F(NginxTokenizer, Comments) {
  Check("# comment\nreturn 204; # another { } ; \" '\n", Accepts());
  Check("add_header # between\n  X-A # the arguments\n  b;\n", Accepts());
  Check("add_header X-A b;# touching\n", Accepts());
  Check("#\n#\n;\n", Rejects(3, R"(unexpected ";")"));
  Check("if ($uri) {# c\n  return 204;}# c\n", Accepts());
  Check("return 204;#{\n", Accepts());
}

TEST_F(NginxTokenizer, LineEndings) {
  Check("add_header X-A a;\r\nadd_header X-B b;\r\n", Accepts());
  Check("return 204;\r\n}\r\n", Rejects(2, R"(unexpected "}")"));
  Check("# c\r\nreturn 204;\r\n\r\n;\r\n", Rejects(4, R"(unexpected ";")"));
  // A lone CR is a blank, not a line end.
  Check("return 204;\r}\r", Rejects(1, R"(unexpected "}")"));
  Check("add_header X-A \"a\r\nb\";\r\n;", Rejects(3, R"(unexpected ";")"));
  // Form feed and vertical tab are not blanks: they are part of words.
  Check("add_header X-A\fb c;\n", Accepts());
}

TEST_F(NginxTokenizer, WordListBlocksRejectBlocks) {
  Check("types {\n  text/html html;\n  image/gif { gif;\n}\n",
        Rejects(3, R"(unexpected "{")"));
  Check("types {\n  text/html html;\n  { }\n}\n",
        Rejects(3, R"(unexpected "{")"));
  Check("types {\n  text/html html }\n", Rejects(2, R"(unexpected "}")"));
  Check("types {\n  text/html html;\n", Rejects(3, kEofBrace));
  Check("types {\n  text/html html;\n  \"image/gif\" gif;\n}\n", Accepts());
  Check("map $uri $x {\n  default 0;\n  a {\n}\n",
        Rejects(3, R"(unexpected "{")"), Level::kHttp);
  Check("map $uri $x {\n  default 0;\n  \"~^/a{2}\" 1;\n}\n", Accepts(),
        Level::kHttp);
  Check("map $uri $x {\n  default 0;\n  ~^/a{2} 1;\n}\n",
        Rejects(3, R"(unexpected "{")"), Level::kHttp);
}

TEST_F(NginxTokenizer, EveryWordListBlockRejectsBlocks) {
  // The blocks nginx reads with a custom handler (cf->handler): geo,
  // split_clients, charset_map, and, in stream, map, geo and split_clients.
  Check("geo $g {\n  default 0;\n  10.0.0.0/8 1;\n  a {\n}\n",
        Rejects(4, R"(unexpected "{")"), Level::kHttp);
  Check("geo $g {\n  default 0;\n  10.0.0.0/8 1;\n}\n", Accepts(),
        Level::kHttp);
  Check("split_clients \"${remote_addr}\" $s {\n  50% a;\n  * b;\n  x {\n}\n",
        Rejects(4, R"(unexpected "{")"), Level::kHttp);
  Check("split_clients \"${remote_addr}\" $s {\n  50% a;\n  * b;\n}\n",
        Accepts(), Level::kHttp);
  Check("charset_map koi8-r utf-8 {\n  C0 D18E;\n  a {\n}\n",
        Rejects(3, R"(unexpected "{")"), Level::kHttp);
  Check("charset_map koi8-r utf-8 {\n  C0 D18E;\n}\n", Accepts(), Level::kHttp);
  // nginx finds the handler by the name's value: quotes do not matter.
  Check("\"types\" {\n  text/html html;\n  a {\n}\n",
        Rejects(3, R"(unexpected "{")"), Level::kHttp);
  Check("'map' $uri $x {\n  default 0;\n  a {\n}\n",
        Rejects(3, R"(unexpected "{")"), Level::kHttp);
  // Other blocks hold directives, blocks among them.
  Check("upstream u {\n  server 127.0.0.1;\n}\n", Accepts(), Level::kHttp);
  Check("limit_except GET {\n  deny all;\n}\n", Accepts());
  const std::string stream =
      "load_module modules/ngx_stream_module.so;\nevents {\n}\nstream {\n";
  Check(stream + "  map $remote_addr $x {\n    default 0;\n    a {\n}\n}\n",
        Rejects(7, R"(unexpected "{")"), Level::kMain);
  Check(stream + "  geo $g {\n    default 0;\n    a {\n}\n}\n",
        Rejects(7, R"(unexpected "{")"), Level::kMain);
  Check(stream +
            "  split_clients \"$remote_addr\" $s {\n    50% a;\n    * b;\n"
            "    x {\n}\n}\n",
        Rejects(8, R"(unexpected "{")"), Level::kMain);
  Check(stream +
            "  map $remote_addr $x {\n    default 0;\n  }\n"
            "  server {\n    listen 127.0.0.1:18081;\n    return $x;\n  }\n}\n",
        Accepts(), Level::kMain);
}

// nginx 1.22 knows nothing of byte order marks: a UTF-8 BOM is three bytes of
// the first word.
TEST_F(NginxTokenizer, ByteOrderMarkIsPartOfTheFirstWord) {
  const std::string bom = "\xef\xbb\xbf";
  Check(bom, Rejects(1, kEofSemicolon));
  Check(bom + "\n", Rejects(2, kEofSemicolon));
  Check(bom + "# a comment\n", Rejects(2, kEofSemicolon));
  Check(bom + "}\n", Rejects(2, kEofSemicolon));
  // unknown directive "\xef\xbb\xbfreturn"
  Check(bom + "return 204;\n", RejectsLater(1));
  Check(bom + "\n\nreturn 204;\n", RejectsLater(3));
}

// NGX_CONF_BUFFER is 4096 bytes: a token (from its first byte, or from the
// byte after its opening quote, or from '#') must be over before the window
// of 4096 bytes that starts there runs out - unless the file ends exactly
// there.  After a bare word or a closing quote, the blank that follows still
// belongs to the window, and so does the closing quote.
TEST_F(NginxTokenizer, LongWords) {
  for (size_t n : {4093, 4094, 4095}) {
    Check("set $x " + Rep(n, 'a') + ";\nreturn 204;\n", Accepts());
  }
  for (size_t n : {4096, 4097, 5000, 9000}) {
    Check("set $x " + Rep(n, 'a') + ";\nreturn 204;\n", Rejects(1, kTooLongA));
  }
  // The blank after the word counts.
  Check("set $x " + Rep(4094, 'a') + " ;\n", Accepts());
  Check("set $x " + Rep(4095, 'a') + " ;\n", Rejects(1, kTooLongA));
  Check("set $x " + Rep(4095, 'a') + "\n;\n", Rejects(1, kTooLongA));
  Check("set $x " + Rep(4095, 'a') + ";\n", Accepts());
  Check("set $x\n" + Rep(4095, 'a') + " ;\n", Rejects(2, kTooLongA));
  // The line is the one the word starts on.
  Check("set $x a" + Rep(4094, 'a') + "\n\n;\n", Rejects(1, kTooLongA));
  // Escapes do not shorten the window.
  Check("set $x a\\ " + Rep(4092, 'a') + ";\n", Accepts());
  Check("set $x a\\ " + Rep(4093, 'a') + ";\n",
        Rejects(1, R"(too long parameter "a\ aaaaaaa..." started)"));
  // Wherever the word starts relative to nginx's reads.
  for (size_t pad : {1, 100, 4000, 4090, 4095, 4096, 4100, 8190}) {
    std::string prefix = Rep(pad, ' ') + "\n";
    Check(prefix + "set $x " + Rep(4095, 'a') + ";\nreturn 204;\n", Accepts());
    Check(prefix + "set $x " + Rep(4096, 'a') + ";\nreturn 204;\n",
          Rejects(2, kTooLongA));
    Check(prefix + "set $x " + Rep(4095, 'a') + " ;\nreturn 204;\n",
          Rejects(2, kTooLongA));
  }
}

TEST_F(NginxTokenizer, LongWordsAtEndOfFile) {
  // The window runs out exactly at the end of the file: nginx reports the
  // end of file, not the length.
  Check("set $x " + Rep(4096, 'a'), Rejects(1, kEofSemicolon));
  Check("set $x " + Rep(4097, 'a'), Rejects(1, kTooLongA));
  Check("set $x " + Rep(4095, 'a') + " ", Rejects(1, kEofSemicolon));
  Check("set $x " + Rep(4095, 'a') + "  ", Rejects(1, kTooLongA));
  Check("set $x " + Rep(4095, 'a') + ";", Accepts());
  Check("set $x " + Rep(4096, 'a') + ";", Rejects(1, kTooLongA));
}

TEST_F(NginxTokenizer, LongQuotedStrings) {
  for (size_t n : {4092, 4093, 4094}) {
    Check("set $x \"" + Rep(n, 'q') + "\";\nreturn 204;\n", Accepts());
    Check("set $x '" + Rep(n, 'q') + "';\nreturn 204;\n", Accepts());
  }
  // The closing quote is in the window, and so is the blank after it.
  Check("set $x \"" + Rep(4095, 'q') + "\";\n", Rejects(1, kTooLongQ));
  Check("set $x '" + Rep(4095, 'q') + "';\n", Rejects(1, kTooLongQ));
  Check("set $x \"" + Rep(4093, 'q') + "\" ;\n", Accepts());
  Check("set $x \"" + Rep(4094, 'q') + "\" ;\n", Rejects(1, kTooLongQ));
  Check("set $x '" + Rep(4094, 'q') + "'\n;\n", Rejects(1, kTooLongQ));
  // Still inside the quotes when the window runs out.
  for (size_t n : {4096, 4097, 6000}) {
    Check("set $x \"" + Rep(n, 'q') + "\";\n", Rejects(1, kMissingDq));
    Check("set $x '" + Rep(n, 'q') + "';\n", Rejects(1, kMissingSq));
  }
  // The line is the one the quoted string starts on.
  Check("set $x \"\n" + Rep(5000, 'q') + "\";\n", Rejects(1, kMissingDq));
  Check("set $x\n\"" + Rep(4095, 'q') + "\";\n", Rejects(2, kTooLongQ));
  // The ten bytes nginx shows are raw, line feeds included.
  Check("set $x \"q\nq" + Rep(4092, 'q') + "\";\n",
        Rejects(1, "too long parameter \"q\nqqqqqqqq...\" started"));
  // Many long tokens in one directive are fine: only tokens are bounded.
  Check("log_format x \"" + Rep(3000, 'q') + "\" \"" + Rep(3000, 'q') +
            "\" \"" + Rep(3000, 'q') + "\";\n",
        Accepts(), Level::kHttp);
  // Long blank stretches are not tokens.
  Check("return\n" + Rep(10000, ' ') + "204" + Rep(9000, '\n') + ";\n",
        Accepts());
}

TEST_F(NginxTokenizer, LongComments) {
  // Measured from '#' to the line feed, which is in the window.
  for (size_t n : {4094, 4095}) {
    Check("return 204;\n#" + Rep(n - 1, 'c') + "\nreturn 204;\n", Accepts());
  }
  for (size_t n : {4096, 4097, 7000}) {
    Check("return 204;\n#" + Rep(n - 1, 'c') + "\nreturn 204;\n",
          Rejects(2, kTooLongC));
  }
  Check("return 204; #" + Rep(4094, 'c') + "\n", Accepts());
  Check("return 204; #" + Rep(4095, 'c') + "\n", Rejects(1, kTooLongC));
  // At the end of the file.
  Check("return 204;\n#" + Rep(4095, 'c'), Accepts());
  Check("return 204;\n#" + Rep(4096, 'c'), Rejects(2, kTooLongC));
  Check("return 204;\n#" + Rep(4095, 'c') + "\n", Rejects(2, kTooLongC));
  Check("return 204;\n#" + Rep(4094, 'c') + "\n", Accepts());
}

}  // namespace
}  // namespace ngxfix::nginx_test
