"use client";
// A link to a section of a page (…#data-quality) lands while the page's skeleton is on screen, so
// the browser finds no such section to scroll to. When the skeleton gives way to the page, this
// scrolls to the section the address names, once it exists.
import { useEffect } from "react";

export function ScrollToHashWhenLoaded() {
  useEffect(
    () => () => {
      requestAnimationFrame(() => {
        const id = decodeURIComponent(window.location.hash.slice(1));
        if (id) document.getElementById(id)?.scrollIntoView();
      });
    },
    [],
  );
  return null;
}
