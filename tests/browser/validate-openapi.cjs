// Validates an OpenAPI document with @apidevtools/swagger-parser (against
// the OpenAPI 3.0 schema, then its own rules: unique operation ids, path
// parameters declared, $refs resolved). Prints "valid" or the errors; exits
// 1 when it is not valid. Used by server/tests/it/openapi.rs.
const SwaggerParser = require("@apidevtools/swagger-parser");

SwaggerParser.validate(process.argv[2])
  .then((api) => {
    console.log(`valid: ${api.info.title} ${api.info.version}, ${Object.keys(api.paths).length} paths`);
  })
  .catch((err) => {
    console.error(String(err && err.message || err));
    process.exit(1);
  });
