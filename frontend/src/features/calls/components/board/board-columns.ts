/**
 * One grid template shared by the header and every row, so columns line up. The board narrows when the
 * detail panel opens, so columns drop out by container width (not viewport): status | caller | started
 * | duration | activity | cost. Activity (what is being said, why it ended) outlives the start time.
 */
export const BOARD_GRID =
  "grid items-center gap-x-4 grid-cols-[6.75rem_minmax(0,1fr)_4.5rem] " +
  "@xl:grid-cols-[6.75rem_minmax(10.5rem,1fr)_4.5rem_minmax(0,1.2fr)] " +
  "@3xl:grid-cols-[6.75rem_minmax(10.5rem,1fr)_6rem_4.5rem_minmax(0,1.4fr)] " +
  "@5xl:grid-cols-[7.5rem_minmax(10.5rem,1fr)_6.5rem_5rem_minmax(0,1.6fr)_4.5rem]";

/** Cells that only appear once the board is wide enough. */
export const ACTIVITY_CELL = "hidden @xl:block";
export const STARTED_CELL = "hidden @3xl:block";
export const COST_CELL = "hidden @5xl:block";
