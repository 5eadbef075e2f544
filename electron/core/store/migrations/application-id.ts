/** `PRAGMA application_id` of a GroupDesk store: "GDsk" in ASCII, as sqlite.org's magic.txt suggests. */
export const groupDeskApplicationId = 0x4744736b;
