// The read model: the plugin's own indexed copy of the data catalog's
// entities and relations, refreshed from the catalog. Gap and lineage
// questions are answered from these tables. Lists (grades, years, the
// elements along a feed) are JSON text, readable on SQLite and PostgreSQL.

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('dc_districts', table => {
    table.comment('District and BOCES groups, from the catalog');
    table.string('ref').primary().comment('group:default/alder-creek');
    table.string('name').notNullable();
    table.text('title').notNullable();
    table.string('type').notNullable().comment('district or boces');
    table.string('parent').nullable();
    table.string('data_team').nullable().comment('Group ref of its data team');
  });

  await knex.schema.createTable('dc_sources', table => {
    table.comment('DataSource entities');
    table.string('ref').primary();
    table.string('name').notNullable();
    table.text('title').notNullable();
    table.string('district').notNullable().index();
    table.string('type').notNullable();
    table.string('category').notNullable();
    table.string('lifecycle').notNullable();
    table.text('vendor').nullable();
    table.text('product').nullable();
    table.string('owner').notNullable();
    table.string('steward').nullable();
    table.string('access_method').notNullable();
    table.string('access_frequency').notNullable();
    table.boolean('linkable').notNullable();
    table.string('privacy').notNullable();
    table.text('grades').notNullable();
    table.text('years').notNullable();
  });

  await knex.schema.createTable('dc_provisions', table => {
    table.comment('The elements each source provides');
    table.string('source_ref').notNullable();
    table.string('element_ref').notNullable().index();
    table.text('field').notNullable();
    table.string('status').notNullable();
    table.text('grades').notNullable();
    table.text('years').notNullable();
    table.text('note').nullable();
    table.primary(['source_ref', 'element_ref']);
  });

  await knex.schema.createTable('dc_feeds', table => {
    table.comment('Lineage: source_ref is fed by upstream_ref');
    table.string('source_ref').notNullable();
    table.string('upstream_ref').notNullable().index();
    table.text('elements').notNullable().comment('JSON list, may be empty');
    table.primary(['source_ref', 'upstream_ref']);
  });

  await knex.schema.createTable('dc_elements', table => {
    table.comment('DataElement entities');
    table.string('ref').primary();
    table.string('name').notNullable();
    table.text('title').notNullable();
    table.string('domain').notNullable();
    table.boolean('subgroup').notNullable();
    table.string('owner').notNullable();
    table.string('ceds_id').nullable();
    table.text('edfi_resource').nullable();
  });

  await knex.schema.createTable('dc_indicators', table => {
    table.comment('Indicator entities');
    table.string('ref').primary();
    table.string('name').notNullable();
    table.text('title').notNullable();
    table.string('stage').notNullable();
    table.string('construct').notNullable();
    table.string('owner').notNullable();
    table.text('grades').notNullable();
  });

  await knex.schema.createTable('dc_requirements', table => {
    table.comment('Elements each indicator requires or is broken down by');
    table.string('indicator_ref').notNullable();
    table.string('element_ref').notNullable().index();
    table.string('role').notNullable().comment('required or subgroup');
    table.integer('position').notNullable();
    table.primary(['indicator_ref', 'element_ref', 'role']);
  });

  await knex.schema.createTable('dc_state', table => {
    table.comment('Facts about the read model, such as when it was refreshed');
    table.string('key').primary();
    table.text('value').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'dc_state',
    'dc_requirements',
    'dc_indicators',
    'dc_elements',
    'dc_feeds',
    'dc_provisions',
    'dc_sources',
    'dc_districts',
  ]) {
    await knex.schema.dropTable(table);
  }
};
