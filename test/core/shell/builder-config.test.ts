/** electron-builder.yml, read with a few regular expressions (no YAML dependency for one file). */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const yml = readFileSync('electron-builder.yml', 'utf8');
/** The indented block under a top-level key. */
const section = (key: string) => new RegExp(`^${key}:\\n((?:[ \\t]+.*\\n|\\n)*)`, 'm').exec(yml)?.[1] ?? '';
const scalar = (key: string) => new RegExp(`^${key}:[ \\t]*(.+)$`, 'm').exec(yml)?.[1]?.trim();

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(scalar('appId')).toBe('nz.focal.app');
    expect(scalar('productName')).toBe('Focal');
    expect(section('directories')).toMatch(/output:\s*release/);
  });

  it('packs the built app only, and unpacks native addons from the asar', () => {
    const files = section('files');
    expect(files).toMatch(/- dist\/\*\*\/\*/);
    expect(files).toMatch(/- package\.json/);
    expect(files).not.toMatch(/electron\/|renderer\/src|test\//);
    expect(section('asarUnpack')).toMatch(/\*\*\/\*\.node/);
    expect(scalar('npmRebuild')).toBe('true');
  });

  it('builds an NSIS installer, DMGs for both Mac architectures, an AppImage and a .deb', () => {
    expect(section('win')).toMatch(/target: nsis[\s\S]*arch: \[x64\]/);
    expect(section('mac')).toMatch(/target: dmg[\s\S]*arch: \[x64, arm64\]/);
    expect(section('mac')).toMatch(/category: public\.app-category\.education/);
    expect(section('linux')).toMatch(/- AppImage/);
    expect(section('linux')).toMatch(/- deb/);
    expect(section('linux')).toMatch(/maintainer: \S/);
  });

  it('sets the Electron fuses a hardened app needs', () => {
    const fuses = section('electronFuses');
    expect(fuses).toMatch(/runAsNode: false/);
    expect(fuses).toMatch(/enableNodeOptionsEnvironmentVariable: false/);
    expect(fuses).toMatch(/enableNodeCliInspectArguments: false/);
    expect(fuses).toMatch(/enableCookieEncryption: true/);
    expect(fuses).toMatch(/enableEmbeddedAsarIntegrityValidation: true/);
    expect(fuses).toMatch(/onlyLoadAppFromAsar: true/);
    expect(fuses).toMatch(/grantFileProtocolExtraPrivileges: false/);
    expect(scalar('asar')).toBe('true');
  });

  it('opens .focal files', () => {
    expect(section('fileAssociations')).toMatch(/ext: focal/);
    expect(section('fileAssociations')).toMatch(/name: Focal project/);
  });

  it('points every platform at an icon that exists, large enough for it', () => {
    const icons = [...yml.matchAll(/^\s+icon: (\S+)$/gm)].map((m) => m[1]!);
    expect(icons.length).toBeGreaterThanOrEqual(3);
    for (const icon of icons) expect(existsSync(icon), icon).toBe(true);
    const png = readFileSync('resources/icon.png');
    // PNG header: width and height are big-endian at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(readFileSync('resources/icons/1024x1024.png').readUInt32BE(16)).toBe(1024);
  });
});
