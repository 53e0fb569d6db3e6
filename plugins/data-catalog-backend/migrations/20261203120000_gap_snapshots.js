// Progress over time: the gap status of each district, kept whenever the
// read model or an annotation changes it (and once a day when nothing
// does), and each change of an indicator's status with its reasons.

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('dc_gap_snapshots', table => {
    table.comment('Counts of indicator statuses per district over time');
    table.increments('id');
    table.string('district_ref').notNullable();
    table.string('taken_at').notNullable();
    table.string('cause').notNullable().comment('catalog, annotation, daily');
    table.text('summary').notNullable().comment('JSON counts');
    table.text('statuses').notNullable().comment('JSON indicator -> status');
    table.index(['district_ref', 'taken_at']);
  });

  await knex.schema.createTable('dc_status_changes', table => {
    table.comment('When an indicator changed status in a district, and why');
    table.increments('id');
    table.string('district_ref').notNullable();
    table.string('indicator_ref').notNullable();
    table.string('from_status').nullable().comment('null when first seen');
    table.string('to_status').notNullable();
    table.text('reasons').notNullable().comment('JSON list');
    table.string('cause').notNullable();
    table.string('changed_at').notNullable();
    table.index(['indicator_ref', 'district_ref']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dc_status_changes');
  await knex.schema.dropTable('dc_gap_snapshots');
};
