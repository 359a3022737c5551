import { createContext, useContext } from "react";
import { timeFormat, type TimeFormat } from "./time";

/**
 * The time zone of the tenant whose screens are open (set once around them, from the tenant's settings), so every
 * time of its calls is formatted on its clock. Outside a tenant it is undefined: the browser's zone.
 */
export const TimeZoneContext = createContext<string | undefined>(undefined);

export function useTimeFormat(): TimeFormat {
  return timeFormat(useContext(TimeZoneContext));
}
