#include "core/nginx_version.h"

#include <gtest/gtest.h>

namespace ngxfix {
namespace {

TEST(NginxVersion, ParsesAndCompares) {
  EXPECT_EQ(NginxVersion::Parse("1.24.0"), (NginxVersion{1, 24, 0}));
  EXPECT_EQ(NginxVersion::Parse("1.25"), (NginxVersion{1, 25, 0}));
  EXPECT_EQ(NginxVersion::Parse("nginx/1.29.7"), (NginxVersion{1, 29, 7}));
  EXPECT_LT(*NginxVersion::Parse("1.9.5"), *NginxVersion::Parse("1.25.1"));
  EXPECT_LT(*NginxVersion::Parse("1.29.4"), *NginxVersion::Parse("1.29.10"));
  for (const char* bad : {"", "1", "1.", "x.y", "1.2.3.4", "1.-2", "1.2a"}) {
    EXPECT_FALSE(NginxVersion::Parse(bad).has_value()) << bad;
  }
  EXPECT_EQ(kDefaultNginxVersion.ToString(), "1.24.0");
}

}  // namespace
}  // namespace ngxfix
