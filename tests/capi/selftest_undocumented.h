/* For the self-test of test_c_api_documented.py: a public function that
 * docs/c-api.md does not document. Never compiled. */
ICP_API int icp_undocumented_selftest(const icp_model *);
