// Each district's indicator statuses, kept so that the regional matrix is
// read rather than recomputed: by a restarted backend, by the other
// replicas, and after a refresh that changed only a few districts. An
// index that lets lineage count an element's providers from the index
// alone (at state scale an identifier has thousands of them), and the
// order of each source's provisions and feeds.

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('dc_gap_statuses', table => {
    table.comment('Computed statuses per district, keyed by what they used');
    table.string('district_ref').primary();
    table
      .string('signature', 64)
      .notNullable()
      .comment('Hash of the rules, vocabulary, sources and corrections used');
    table.text('statuses').notNullable().comment('JSON indicator -> status');
    table.string('computed_at').notNullable();
  });

  await knex.schema.alterTable('dc_provisions', table => {
    table.index(['element_ref', 'source_ref'], 'dc_provisions_by_element');
  });

  // A refresh now rewrites only the sources that changed, so rows no
  // longer come back in the order they were written in: the YAML's order
  // of a source's provisions and feeds is kept in a column instead.
  for (const name of ['dc_provisions', 'dc_feeds']) {
    await knex.schema.alterTable(name, table => {
      table
        .integer('position')
        .notNullable()
        .defaultTo(0)
        .comment('Order within the source, as the YAML lists them');
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const name of ['dc_provisions', 'dc_feeds']) {
    await knex.schema.alterTable(name, table => {
      table.dropColumn('position');
    });
  }
  await knex.schema.alterTable('dc_provisions', table => {
    table.dropIndex(['element_ref', 'source_ref'], 'dc_provisions_by_element');
  });
  await knex.schema.dropTable('dc_gap_statuses');
};
