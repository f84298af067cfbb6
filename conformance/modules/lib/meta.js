export const url = import.meta.url;
export const main = import.meta.main;
