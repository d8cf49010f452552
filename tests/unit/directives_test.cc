// What code assumes of core/data/directives.tsv, held to the table itself.

#include <gtest/gtest.h>

#include "core/directives.h"
#include "core/tsv.h"
#include "tests/support/test_support.h"

namespace ngxfix {
namespace {

TEST(Directives, HttpProxyAndGrpcDirectivesAreTheProxyAndGrpcNamedOnes) {
  // rule_helpers.cc's ProxyModuleDirective() tells the two modules'
  // directives by name, since the module column is not embedded.
  std::string text = testing::ReadFile(std::string(NGXFIX_SOURCE_DIR) +
                                       "/core/data/directives.tsv");
  constexpr uint32_t kHttp = kContextHttp | kContextServer | kContextLocation;
  int rows = 0;
  for (const TsvRow& row : ReadTsv(text)) {
    std::string_view name = row.at(0), module = row.at(1);
    bool named = name.starts_with("proxy_") || name.starts_with("grpc_");
    bool http = (ParseContexts(row.at(2)) & kHttp) != 0 &&
                !row.at(8).starts_with("module:");
    bool proxy_module =
        module == "ngx_http_proxy_module" || module == "ngx_http_grpc_module";
    if (named && http) {
      EXPECT_TRUE(proxy_module) << name << " is " << module;
      ++rows;
    }
    if (proxy_module) EXPECT_TRUE(named && http) << name;
  }
  EXPECT_GT(rows, 100);
}

TEST(Directives, OriginSaysWhoShipsADirective) {
  ASSERT_FALSE(LookUpDirective("health_check").empty());
  EXPECT_EQ(LookUpDirective("health_check")[0].origin, Origin::kPlus);
  EXPECT_EQ(ProductOf(LookUpDirective("more_set_headers")[0]),
            "headers-more-nginx-module");
  const DirectiveSpec& sticky = LookUpDirective("sticky")[0];
  EXPECT_EQ(sticky.origin, Origin::kNginxPlusBefore);
  EXPECT_FALSE(sticky.InOpenSource(NginxVersion{1, 29, 5}));
  EXPECT_TRUE(sticky.InOpenSource(NginxVersion{1, 29, 6}));
  EXPECT_TRUE(sticky.ExistsIn(NginxVersion{1, 24, 0}));  // NGINX Plus's
  EXPECT_TRUE(LookUpDirective("proxy_pass")[0].InOpenSource(NginxVersion{1, 22, 1}));
}

}  // namespace
}  // namespace ngxfix
