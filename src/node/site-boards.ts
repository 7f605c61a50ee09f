import { groupByBoard, type BoardGroup } from '../lib/board/group-by-board.ts';
import { siteData, type SiteData } from './site-data.ts';

const groupsCache = new WeakMap<SiteData, { groups: BoardGroup[]; withoutBoard: string[] }>();

/**
 * The site's schools grouped by board ({@link groupByBoard}), once per site data: every protocol except the
 * reference models' rebuilds (`content/protocols/<model-id>.yaml`, which are no schools of a board), against the
 * board files. What `/protocollen/` and `/besturen/` list.
 *
 * @param site the site data (default {@link siteData}).
 */
export function siteBoardGroups(site: SiteData = siteData()): { groups: BoardGroup[]; withoutBoard: string[] } {
  let found = groupsCache.get(site);
  if (!found) {
    const schools = [...site.protocols.values()]
      .filter((p) => !site.models.has(p.id))
      .map((p) => ({ id: p.id, board: p.protocol.school.board }));
    const boards = new Map([...site.boards].map(([id, b]) => [id, b.board]));
    found = groupByBoard(schools, boards);
    groupsCache.set(site, found);
  }
  return found;
}

/**
 * The board group a school's protocol belongs to, for a link to `/besturen/<id>/`; undefined for a school without a
 * board and for a model's rebuild.
 *
 * @param protocolId the protocol's id.
 */
export function boardGroupOf(protocolId: string, site: SiteData = siteData()): BoardGroup | undefined {
  return siteBoardGroups(site).groups.find((g) => g.schools.includes(protocolId));
}
