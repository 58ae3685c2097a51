/** Entry of the `trellis` command (CLI helper fills this in). */
export async function main(argv: string[]): Promise<void> {
  console.log(`trellis: no commands yet (${argv.length})`);
}
