// ParseErrorLogLine() on lines nginx 1.22.1 wrote in the lab (tests/e2e),
// on its stderr form, and on lines that are not nginx's.

#include "diagnose/error_log.h"

#include <gtest/gtest.h>

namespace ngxfix {
namespace {

TEST(ErrorLogTest, ReadsEveryFieldOfAnUpstreamError) {
  auto line = ParseErrorLogLine(
      "2026/11/26 01:24:05 [error] 19174#19174: *2 upstream sent no valid "
      "HTTP/1.0 header while reading response header from upstream, client: "
      "127.0.0.1, server: , request: \"GET / HTTP/1.1\", upstream: "
      "\"http://127.0.0.1:34151/\", host: \"127.0.0.1:46439\"\n");
  ASSERT_TRUE(line);
  EXPECT_EQ(line->time, "2026/11/26 01:24:05");
  EXPECT_EQ(line->level, "error");
  EXPECT_EQ(line->connection, 2u);
  EXPECT_EQ(line->message, "upstream sent no valid HTTP/1.0 header");
  EXPECT_EQ(line->phase, "reading response header from upstream");
  EXPECT_EQ(line->client, "127.0.0.1");
  EXPECT_EQ(line->server, "");
  EXPECT_EQ(line->request, "GET / HTTP/1.1");
  EXPECT_EQ(line->upstream, "http://127.0.0.1:34151/");
  EXPECT_EQ(line->host, "127.0.0.1:46439");
}

TEST(ErrorLogTest, KeepsParenthesesAndColonsOfSslMessages) {
  auto line = ParseErrorLogLine(
      "2026/11/26 01:30:00 [error] 7#7: *9 SSL_do_handshake() failed (SSL: "
      "error:0A000458:SSL routines::tlsv1 unrecognized name:SSL alert number "
      "112) while SSL handshaking to upstream, client: 10.1.2.3, server: "
      "api.example.com, request: \"POST /v1 HTTP/2.0\", upstream: "
      "\"https://10.0.0.7:443/v1\", host: \"api.example.com\"");
  ASSERT_TRUE(line);
  EXPECT_EQ(line->message,
            "SSL_do_handshake() failed (SSL: error:0A000458:SSL routines::tlsv1 "
            "unrecognized name:SSL alert number 112)");
  EXPECT_EQ(line->phase, "SSL handshaking to upstream");
  EXPECT_EQ(line->server, "api.example.com");
  EXPECT_EQ(line->upstream, "https://10.0.0.7:443/v1");
}

TEST(ErrorLogTest, ReadsConfigurationErrorsInBothForms) {
  auto log = ParseErrorLogLine(
      "2026/11/26 01:23:47 [emerg] 19023#19023: invalid host in upstream "
      "\"h2://backend_pool\" in /etc/nginx/nginx.conf:23");
  ASSERT_TRUE(log);
  EXPECT_EQ(log->level, "emerg");
  EXPECT_FALSE(log->connection);
  EXPECT_EQ(log->message, "invalid host in upstream \"h2://backend_pool\"");
  EXPECT_EQ(log->file, "/etc/nginx/nginx.conf");
  EXPECT_EQ(log->file_line, 23u);

  auto stderr_form = ParseErrorLogLine(
      "nginx: [emerg] invalid host in upstream \"h2://backend_pool\" in "
      "/etc/nginx/nginx.conf:23");
  ASSERT_TRUE(stderr_form);
  EXPECT_EQ(stderr_form->message, log->message);
  EXPECT_EQ(stderr_form->file_line, 23u);
}

TEST(ErrorLogTest, RefusesWhatNginxDidNotWrite) {
  for (const char* text : {"", "hello", "2026/11/26 01:23:47 [bogus] 1#1: x",
                           "2026/11/26 01:23:47 [error] x#1: x",
                           "127.0.0.1 - - [26/Nov/2026:01:24:05 +0000] \"GET / HTTP/1.1\" 009 26",
                           "nginx: [emerg"}) {
    EXPECT_FALSE(ParseErrorLogLine(text)) << text;
  }
}

TEST(ErrorLogTest, SurvivesCutLines) {
  std::string full =
      "2026/11/26 01:24:05 [error] 19174#19174: *2 upstream timed out (110: "
      "Connection timed out) while reading response header from upstream, "
      "client: 127.0.0.1, server: x, request: \"GET / HTTP/1.1\", upstream: "
      "\"http://127.0.0.1:1/\", host: \"h\"";
  for (size_t n = 0; n <= full.size(); ++n) ParseErrorLogLine(full.substr(0, n));
  auto cut = ParseErrorLogLine(full.substr(0, full.find(", host")));
  ASSERT_TRUE(cut);
  EXPECT_EQ(cut->upstream, "http://127.0.0.1:1/");
}

}  // namespace
}  // namespace ngxfix
