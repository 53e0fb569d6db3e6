// What owners enter in the portal, which YAML does not hold: annotations on
// sources and on indicators in a district, action items on gaps, and the
// history of every change to either.

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('dc_annotations', table => {
    table.comment('Notes, checks and availability corrections by owners');
    table
      .string('subject_key')
      .primary()
      .comment('source:<ref> or indicator:<ref>@<district ref>');
    table.string('subject_kind').notNullable().comment('source or indicator');
    table.string('subject_ref').notNullable();
    table.string('district_ref').notNullable().index();
    table.text('notes').nullable();
    table.string('last_verified').nullable().comment('YYYY-MM-DD');
    table.integer('quality_rating').nullable().comment('1 (poor) to 5');
    table.text('corrections').notNullable().comment('JSON list');
    table.integer('version').notNullable();
    table.string('updated_by').notNullable();
    table.string('updated_at').notNullable();
  });

  await knex.schema.createTable('dc_action_items', table => {
    table.comment('Steps planned to close a gap');
    table.string('id').primary();
    table.string('district_ref').notNullable().index();
    table.string('indicator_ref').notNullable();
    table.string('element_ref').nullable();
    table.text('step').notNullable();
    table.string('owner').notNullable();
    table.string('due_date').notNullable().comment('YYYY-MM-DD');
    table.string('status').notNullable();
    table.integer('version').notNullable();
    table.string('created_by').notNullable();
    table.string('created_at').notNullable();
    table.string('updated_by').notNullable();
    table.string('updated_at').notNullable();
  });

  await knex.schema.createTable('dc_history', table => {
    table.comment('Every change to annotations and action items');
    table.increments('id');
    table.string('subject_type').notNullable().comment('annotation or action');
    table.string('subject_id').notNullable();
    table.string('district_ref').notNullable().index();
    table.string('change').notNullable().comment('create or update');
    table.text('before').nullable().comment('JSON, null on create');
    table.text('after').notNullable().comment('JSON');
    table.string('changed_by').notNullable();
    table.string('changed_at').notNullable();
    table.index(['subject_type', 'subject_id']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dc_history');
  await knex.schema.dropTable('dc_action_items');
  await knex.schema.dropTable('dc_annotations');
};
