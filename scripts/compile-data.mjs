// Compiles data/*.csv (CMS HCPCS Level II, modifiers, NDC–HCPCS crosswalk) into server/out/data.
export async function compileData() {
  // TODO(codes)
}
