/**
 * The options of a field kept under its old name until it is removed (see
 * CHANGELOG.md): its replacement's description, and a reason naming the
 * replacement, which introspection and GraphiQL show.
 */
export const deprecatedTwin = (replacement: string, description: string) => ({ description, deprecationReason: `Use \`${replacement}\`.` });
